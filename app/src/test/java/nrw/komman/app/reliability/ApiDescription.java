package nrw.komman.app.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The API's operations as the running application describes them at {@code /v3/api-docs}: new ones are included by themselves. */
final class ApiDescription {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    /** One operation: method, path template, its parameters and, for a JSON body, its schema (references resolved). */
    record Operation(String method, String path, List<Parameter> parameters, JsonNode bodySchema, boolean bodyRequired) {

        String key() {
            return method + " " + path;
        }

        boolean hasBody() {
            return bodySchema != null;
        }

        List<String> pathVariables() {
            return parameters.stream().filter(p -> p.in().equals("path")).map(Parameter::name).toList();
        }
    }

    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    private final JsonNode root;
    private final List<Operation> operations = new ArrayList<>();

    private ApiDescription(JsonNode root) {
        this.root = root;
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op == null) {
                    continue;
                }
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode p : op.path("parameters")) {
                    JsonNode param = resolve(p);
                    parameters.add(new Parameter(param.path("name").asText(), param.path("in").asText(),
                            param.path("required").asBoolean(false), resolve(param.path("schema"))));
                }
                JsonNode body = resolve(op.path("requestBody"));
                JsonNode schema = null;
                if (!body.isMissingNode()) {
                    JsonNode json = body.path("content").path("application/json").path("schema");
                    schema = json.isMissingNode() ? JSON.createObjectNode() : resolve(json);
                }
                operations.add(new Operation(method.toUpperCase(Locale.ROOT), path.getKey(), List.copyOf(parameters), schema,
                        body.path("required").asBoolean(false)));
            }
        }
    }

    static ApiDescription fetch(RawHttp http) {
        RawHttp.Response r = http.send(RawHttp.Request.of("GET", "/v3/api-docs", "api-docs").header("Accept", "application/json"));
        if (r.status() != 200) {
            throw new IllegalStateException("no OpenAPI description: " + r);
        }
        try {
            return new ApiDescription(JSON.readTree(r.body()));
        } catch (IOException e) {
            throw new IllegalStateException("the OpenAPI description is not JSON", e);
        }
    }

    List<Operation> operations() {
        return operations;
    }

    /** Follows {@code $ref} to {@code #/components/...}. */
    JsonNode resolve(JsonNode node) {
        while (node != null && node.has("$ref")) {
            String ref = node.get("$ref").asText();
            JsonNode target = root;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part);
            }
            node = target;
        }
        return node == null ? JSON.missingNode() : node;
    }
}
