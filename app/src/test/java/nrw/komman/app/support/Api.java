package nrw.komman.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A small real HTTP client for the API: JSON in, JSON out, HTTP Basic as a given account. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    public Response get(String path, Login as) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), as);
    }

    public Response post(String path, Object body, Login as) {
        return send(withBody(HttpRequest.newBuilder(uri(path)), "POST", body), as);
    }

    public Response put(String path, Object body, Login as) {
        return send(withBody(HttpRequest.newBuilder(uri(path)), "PUT", body), as);
    }

    /** Sends a raw body (malformed JSON, huge bodies, wrong content types). */
    public Response raw(String method, String path, String contentType, String body, Login as) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b, as);
    }

    /** A file as the API hands it out (PDF, CSV): the raw bytes, with status and headers. */
    public Download download(String path, Login as) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        if (as != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (as.username() + ":" + as.password()).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("Content-Disposition").orElse(""), r.body());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Download(int status, String contentType, String contentDisposition, byte[] body) {
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private static HttpRequest.Builder withBody(HttpRequest.Builder b, String method, Object body) {
        try {
            String json = body instanceof String s ? s : JSON.writeValueAsString(body);
            return b.method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                    .header("Content-Type", "application/json");
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Response send(HttpRequest.Builder b, Login as) {
        b.header("Accept", "application/json, application/problem+json");
        if (as != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (as.username() + ":" + as.password()).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpRequest request = b.build();
            long started = System.nanoTime();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (millis > 1000) { // a slow answer is worth a look, not a failure: speed belongs to the benchmark
                System.err.println("slow request: " + request.method() + " " + request.uri().getPath() + " took " + millis + " ms");
            }
            return new Response(r.statusCode(), r.headers().firstValue("Location").orElse(null),
                    r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Login(String username, String password) {
    }

    public record Response(int status, String location, String contentType, String body) {

        public JsonNode json() {
            try {
                return body == null || body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }

        public String text(String field) {
            return json().path(field).asText();
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 600 ? body.substring(0, 600) + "…" : body);
        }
    }
}
