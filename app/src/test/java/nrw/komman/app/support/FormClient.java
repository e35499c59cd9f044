package nrw.komman.app.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The browser's pages over real HTTP without a browser: signs in through the sign-in form, keeps the session
 * cookie, and posts forms with the CSRF token of the page they come from. Redirects are not followed, so a test
 * sees the post-redirect-get answer itself.
 */
public final class FormClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    public FormClient(int port) {
        this.base = "http://localhost:" + port;
    }

    public record Page(int status, String location, String body) {
    }

    public static FormClient signedIn(int port, Api.Login as) {
        FormClient client = new FormClient(port);
        Page answer = client.post("/login", "/login", Map.of("username", as.username(), "password", as.password()));
        if (answer.status() != 302 || answer.location().contains("fehler")) {
            throw new IllegalStateException("sign-in failed: " + answer);
        }
        return client;
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Opens {@code formPath} for its CSRF token, then posts the fields to {@code action}. */
    public Page post(String formPath, String action, Map<String, String> fields) {
        Matcher token = CSRF.matcher(get(formPath).body());
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on " + formPath);
        }
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", token.group(1) != null ? token.group(1) : token.group(2));
        String form = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(r.statusCode(), r.headers().firstValue("Location").orElse(""), r.body());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
