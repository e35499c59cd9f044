package nrw.komman.web.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;

/** The OpenAPI description ({@code /v3/api-docs}) and Swagger UI ({@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    public static final String BASIC_AUTH = "basicAuth";
    private static final String PROBLEM = "Problem";
    private static final Map<String, String> PROBLEMS = Map.of(
            "400", "Ungültige Eingabe (detail, code, errors)",
            "401", "Nicht angemeldet",
            "403", "Keine Berechtigung (Rolle oder fremdes Integrationszentrum)",
            "404", "Nicht gefunden",
            "409", "Eine Regel verbietet es im jetzigen Zustand",
            "413", "Anfrage zu groß",
            "500", "Unerwarteter Fehler (mit Vorgangsnummer incident)");

    /** The server named in the description: the public address, or relative (never the client's {@code Host}; ADR 25). */
    @Bean
    public OpenAPI kommanOpenApi(PublicAddressFilter publicAddress) {
        return new OpenAPI()
                .servers(List.of(new Server().url(publicAddress.publicUrl() == null ? "/" : publicAddress.publicUrl().toString())))
                .info(new Info()
                        .title("KOMM-AN NRW API")
                        .version("v1")
                        .description("""
                                Volunteer coordination and grant administration for the KOMM-AN NRW programme of the \
                                municipal integration centres (Kommunale Integrationszentren) in North Rhine-Westphalia.

                                * Sign in with HTTP Basic (account and password; programs may send it with every \
                                request, a verified pair is remembered for a few minutes).
                                * JSON throughout; money is a decimal string in euros (`"12500.00"`), dates are \
                                ISO-8601 (`2025-03-31`).
                                * Creating requests answer 201 with a `Location` header and the new id; other \
                                commands answer 204. The same client's next read shows the effect.
                                * Errors are `application/problem+json` (RFC 9457) with a German `detail`, a stable \
                                `code` and, for fields, `errors: [{field, message}]`.
                                * Roles: COORDINATOR (one centre), GRANT_OFFICER, MINISTRY, AUDITOR, ADMINISTRATOR. \
                                Ministry and auditors never see volunteers' names or contact data.""")
                        .license(new License().name("Reference data: Destatis Gemeindeverzeichnis, CC BY 4.0")))
                .components(new Components().addSecuritySchemes(BASIC_AUTH, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("Account and password of the platform")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC_AUTH));
    }

    /** Every API operation may answer with these problems (RFC 9457, application/problem+json). */
    @Bean
    public OpenApiCustomizer problemResponses() {
        return openApi -> {
            Schema<?> fieldError = new ObjectSchema()
                    .addProperty("field", new StringSchema())
                    .addProperty("message", new StringSchema());
            openApi.getComponents().addSchemas(PROBLEM, new ObjectSchema()
                    .addProperty("type", new StringSchema())
                    .addProperty("title", new StringSchema())
                    .addProperty("status", new IntegerSchema())
                    .addProperty("detail", new StringSchema().description("German, for people"))
                    .addProperty("instance", new StringSchema())
                    .addProperty("code", new StringSchema().description("stable, for programs"))
                    .addProperty("errors", new ArraySchema().items(fieldError))
                    .addProperty("incident", new StringSchema().description("only on 500: the log entry's number")));
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().values().forEach(item -> item.readOperations().forEach(this::addProblems));
        };
    }

    private void addProblems(Operation operation) {
        new java.util.TreeMap<>(PROBLEMS).forEach((status, description) -> {
            if (!operation.getResponses().containsKey(status)) {
                operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
                        .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
            }
        });
    }
}
