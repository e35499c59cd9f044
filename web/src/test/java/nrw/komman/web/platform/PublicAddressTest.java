package nrw.komman.web.platform;

import nrw.komman.kernel.common.AccountRole;
import nrw.komman.web.WebTestApplication;
import nrw.komman.web.account.AccountService;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With {@code komman.web.public-url} set and forwarded headers read only from a trusted proxy that the client is not,
 * every redirect of sign-in, of a form and of sign-out points at the public address, over real HTTP, whatever
 * {@code Host} or {@code X-Forwarded-Host} the client sends (ADR 25). The embedded default (no public address, no
 * proxy) is tested end to end in the app's {@code TextAndAddressesTest}.
 */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:web-public-address;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.flyway.locations=classpath:db/migration/common",
        "komman.admin.password=" + PublicAddressTest.ADMIN_PASSWORD,
        "komman.web.public-url=https://komm-an.example.org/",
        "server.forward-headers-strategy=native",
        "server.tomcat.remoteip.internal-proxies=10\\.20\\.30\\.40"})
class PublicAddressTest {

    static final String ADMIN_PASSWORD = "Betrieb-Passwort-2025";
    private static final String PUBLIC = "https://komm-an.example.org";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @MockitoBean
    CommandGateway commandGateway;
    @MockitoBean
    QueryGateway queryGateway;

    @BeforeEach
    void accounts() {
        accounts.createIfAbsent("pruefung", "Sichere-Passphrase-2025", AccountRole.AUDITOR, null, "test");
    }

    @Test
    void sign_in_a_form_and_sign_out_redirect_to_the_public_address_whatever_host_the_client_names() {
        for (Map<String, String> forged : List.of(Map.of("Host", "evil.example"),
                Map.of("Host", "localhost", "X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "http", "X-Forwarded-Port", "80"),
                Map.of("Host", "evil.example:8443", "Forwarded", "host=evil.example;proto=http"))) {
            Browser browser = new Browser(forged);
            Answer toSignIn = browser.get("/verwaltung/konten");
            assertThat(toSignIn.status).as(toSignIn.toString()).isEqualTo(302);
            assertThat(toSignIn.location).isEqualTo(PUBLIC + "/login");

            Answer signedIn = browser.post("/login", Map.of("_csrf", browser.get("/login").csrf(),
                    "username", "admin", "password", ADMIN_PASSWORD));
            assertThat(signedIn.status).as(signedIn.toString()).isEqualTo(302);
            assertThat(signedIn.location).startsWith(PUBLIC + "/verwaltung/konten"); // the saved request, "?continue"

            Answer unlocked = browser.post("/verwaltung/konten/pruefung/entsperren", Map.of("_csrf", browser.get("/verwaltung/konten").csrf()));
            assertThat(unlocked.status).as(unlocked.toString()).isEqualTo(302);
            assertThat(unlocked.location).isIn(PUBLIC + "/verwaltung/konten", "/verwaltung/konten");

            Answer signedOut = browser.post("/logout", Map.of("_csrf", browser.get("/verwaltung/konten").csrf()));
            assertThat(signedOut.status).as(signedOut.toString()).isEqualTo(302);
            assertThat(signedOut.location).isIn(PUBLIC + "/login?abgemeldet", "/login?abgemeldet");
            for (Answer a : List.of(toSignIn, signedIn, unlocked, signedOut)) {
                assertThat(a.location).doesNotContain("evil").doesNotStartWith("//");
            }
        }
    }

    @Test
    void the_api_description_names_the_public_address() {
        Answer docs = new Browser(Map.of("Host", "evil.example", "Accept", "application/json")).get("/v3/api-docs");
        assertThat(docs.status).isEqualTo(200);
        assertThat(docs.body).contains("\"url\":\"" + PUBLIC + "\"").doesNotContain("evil");
    }

    @Test
    void a_public_address_with_a_path_query_or_other_scheme_is_refused_at_start() {
        for (String wrong : List.of("komm-an.example.org", "ftp://komm-an.example.org", "https://komm-an.example.org/app",
                "https://komm-an.example.org?x=1", "https://user@komm-an.example.org")) {
            assertThatThrownBy(() -> new PublicAddressFilter(wrong)).as(wrong).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("komman.web.public-url");
        }
        assertThat(new PublicAddressFilter("https://komm-an.example.org:8443/").publicUrl()).hasToString("https://komm-an.example.org:8443");
        assertThat(new PublicAddressFilter("").publicUrl()).isNull();
    }

    record Answer(int status, String location, String body) {
        String csrf() {
            Matcher m = CSRF.matcher(body);
            assertThat(m.find()).as("a CSRF token in " + this).isTrue();
            return m.group(1) != null ? m.group(1) : m.group(2);
        }

        @Override
        public String toString() {
            return status + " Location=" + location + " " + (body.length() > 500 ? body.substring(0, 500) : body);
        }
    }

    /** HTTP/1.1 over a socket with any Host and forwarded headers, a cookie jar, no redirects followed. */
    private final class Browser {
        private final Map<String, String> headers;
        private final Map<String, String> cookies = new LinkedHashMap<>();

        Browser(Map<String, String> headers) {
            this.headers = headers;
        }

        Answer get(String target) {
            return send("GET", target, null);
        }

        Answer post(String target, Map<String, String> form) {
            return send("POST", target, form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&")));
        }

        private Answer send(String method, String target, String form) {
            try (Socket socket = new Socket("localhost", port)) {
                socket.setSoTimeout(30_000);
                StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.0\r\nConnection: close\r\n"
                        + (headers.containsKey("Accept") ? "" : "Accept: text/html\r\n"));
                headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
                if (!cookies.isEmpty()) {
                    head.append("Cookie: ").append(cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("; "))).append("\r\n");
                }
                byte[] body = form == null ? new byte[0] : form.getBytes(StandardCharsets.US_ASCII);
                if (form != null) {
                    head.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ").append(body.length).append("\r\n");
                }
                head.append("\r\n");
                OutputStream out = socket.getOutputStream();
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
                String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                int end = text.indexOf("\r\n\r\n");
                String location = null;
                List<String> lines = new ArrayList<>(List.of(text.substring(0, end).split("\r\n")));
                for (String line : lines.subList(1, lines.size())) {
                    String name = line.substring(0, line.indexOf(':')).toLowerCase(Locale.ROOT);
                    String value = line.substring(line.indexOf(':') + 1).trim();
                    if (name.equals("location")) {
                        location = value;
                    } else if (name.equals("set-cookie")) {
                        String pair = value.split(";", 2)[0];
                        cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
                    }
                }
                return new Answer(Integer.parseInt(text.substring(9, 12)), location, text.substring(end + 4));
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + target + ": " + e, e);
            }
        }
    }
}
