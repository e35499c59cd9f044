package nrw.komman.app.cluster;

import nrw.komman.app.KommAnApplication;
import nrw.komman.app.support.Api;
import nrw.komman.app.support.EmbeddedPostgresServer;
import nrw.komman.app.support.Api.Login;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nrw.komman.app.support.TestAccounts.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browser sessions shared by two nodes on one PostgreSQL and ended on both (ADR 23, issue 16). A coordinator signs in
 * through the form at node A and goes on at node B with the same cookie; an administrator disables the account, sets
 * a new password or gives it another role at node A, and the very next request with that cookie at node B is signed
 * out: printed, how many ms after the administrator's answer that was. Programs with HTTP Basic are refused at both
 * nodes with the old password or when disabled, although both nodes had remembered the pair.
 */
class SessionsOnTwoNodesTest {

    private static final String PASSWORD = "Sitzung-Passwort-2026";
    /** The coordinator's list of volunteers: a page that needs the coordinator's session. */
    private static final String PAGE = "/ehrenamtliche";

    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    private static Node nodeA;
    private static Node nodeB;

    @BeforeAll
    static void twoNodes() {
        String url = EmbeddedPostgresServer.newDatabaseUrl();
        a = start(url);
        b = start(url);
        nodeA = new Node(port(a));
        nodeB = new Node(port(b));
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    @Test
    void a_session_started_at_one_node_goes_on_at_the_other_and_ends_on_both_when_the_account_is_disabled() throws Exception {
        // a cookie that cannot name a session is no session, never a 500 (Base64 of NUL bytes: PostgreSQL refuses them)
        assertThat(nodeB.page("A".repeat(500))).isEqualTo(302);
        assertThat(nodeB.page("%00")).isEqualTo(302);
        Login coordinator = coordinator();
        String session = nodeA.signIn(coordinator);
        assertThat(nodeB.page(session)).as("signed in at A, the same cookie at B").isEqualTo(200);
        // a form of B with the CSRF token of the shared session: registering works across the nodes
        String marker = "Sitzungsprobe " + UUID.randomUUID().toString().substring(0, 8);
        String token = nodeA.csrfToken("/ehrenamtliche/neu", session);
        HttpResponse<String> registered = nodeB.register(session, token, marker);
        assertThat(registered.statusCode()).isEqualTo(302);
        assertThat(registered.headers().firstValue("Location").orElse("")).contains("/ehrenamtliche/");
        assertThat(sessionBytesContain(marker)).as("no volunteer's name in the session rows (flash messages)").isFalse();
        assertThat(nodeA.page(session)).isEqualTo(200);

        long refusedAfter = endAndMeasure(session,
                () -> assertThat(api(a).post("/api/admin/accounts/" + coordinator.username() + "/disable", Map.of(), ADMIN).status())
                        .isEqualTo(204));

        System.out.printf("sessions: disabled at node A, the session was refused at node B %d ms after the answer%n", refusedAfter);
        assertThat(nodeA.page(session)).as("and at A").isEqualTo(302);
        // what the disabled account went on doing for ten minutes (issue 16): registering volunteers, at either node
        String second = "Nach Sperre " + UUID.randomUUID().toString().substring(0, 8);
        assertThat(nodeB.register(session, token, second).statusCode()).as("refused").isIn(302, 403);
        assertThat(nodeA.register(session, token, second).statusCode()).as("refused").isIn(302, 403);
        assertThat(rows(coordinator)).isZero();
        assertThat(api(b).get("/api/me", coordinator).status()).isEqualTo(401);
        assertThat(api(a).get("/api/me", coordinator).status()).isEqualTo(401);
    }

    @Test
    void a_new_password_ends_the_sessions_on_both_nodes_and_the_old_password_is_refused_by_both() throws Exception {
        Login coordinator = coordinator();
        String session = nodeA.signIn(coordinator);
        assertThat(nodeB.page(session)).isEqualTo(200);
        // both nodes remember the pair in their credential cache
        assertThat(api(a).get("/api/me", coordinator).status()).isEqualTo(200);
        assertThat(api(b).get("/api/me", coordinator).status()).isEqualTo(200);

        long refusedAfter = endAndMeasure(session,
                () -> assertThat(api(a).post("/api/admin/accounts/" + coordinator.username() + "/password",
                        Map.of("password", "Neues-Passwort-2026"), ADMIN).status()).isEqualTo(204));

        System.out.printf("sessions: password reset at node A, the session was refused at node B %d ms after the answer%n", refusedAfter);
        assertThat(api(b).get("/api/me", coordinator).status()).as("old password at B").isEqualTo(401);
        assertThat(api(a).get("/api/me", coordinator).status()).as("old password at A").isEqualTo(401);
        assertThat(api(b).get("/api/me", new Login(coordinator.username(), "Neues-Passwort-2026")).status()).isEqualTo(200);
    }

    @Test
    void a_new_role_ends_the_sessions_on_both_nodes() throws Exception {
        Login coordinator = coordinator();
        String session = nodeA.signIn(coordinator);
        assertThat(nodeB.page(session)).isEqualTo(200);

        long refusedAfter = endAndMeasure(session,
                () -> assertThat(api(a).put("/api/admin/accounts/" + coordinator.username() + "/role",
                        Map.of("role", "AUDITOR"), ADMIN).status()).isEqualTo(200));

        System.out.printf("sessions: role changed at node A, the session was refused at node B %d ms after the answer%n", refusedAfter);
        assertThat(api(b).get("/api/me", coordinator).json().path("role").asText()).isEqualTo("AUDITOR");
    }

    /** Runs the administrator's step at A, then the next request at B: signed out at once, and how many ms after. */
    private static long endAndMeasure(String session, Runnable step) throws Exception {
        step.run();
        long answered = System.nanoTime();
        int status = nodeB.page(session);
        long refused = System.nanoTime();
        assertThat(status).as("the very next request at node B is signed out").isEqualTo(302);
        return (refused - answered) / 1_000_000;
    }

    private static Login coordinator() {
        Login login = new Login("sitzung." + UUID.randomUUID().toString().substring(0, 8), PASSWORD);
        assertThat(api(a).post("/api/admin/accounts", Map.of("username", login.username(), "password", login.password(),
                "role", "COORDINATOR", "centreId", TestAccounts.KOELN_CENTRE), ADMIN).status()).isEqualTo(201);
        return login;
    }

    private static int rows(Login login) {
        return a.getBean(JdbcTemplate.class).queryForObject("select count(*) from spring_session where principal_name = ?",
                Integer.class, login.username());
    }

    private static boolean sessionBytesContain(String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        List<byte[]> attributes = a.getBean(JdbcTemplate.class).queryForList(
                "select attribute_bytes from spring_session_attributes", byte[].class);
        return attributes.stream().anyMatch(bytes -> indexOf(bytes, needle) >= 0);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(KommAnApplication.class).run("--spring.profiles.active=postgres,test",
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--server.port=0", "--komman.admin.password=" + TestAccounts.ADMIN_PASSWORD);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(port(context));
    }

    /** One node as a browser sees it: the session cookie sent by hand, so the same cookie goes to either node. */
    private record Node(int port) {

        private static final HttpClient HTTP = HttpClient.newHttpClient();

        String signIn(Login login) throws Exception {
            HttpResponse<String> loginPage = send("/login", null, r -> r.GET());
            String form = "username=" + enc(login.username()) + "&password=" + enc(login.password())
                    + "&_csrf=" + enc(token(loginPage.body()));
            HttpResponse<String> answer = send("/login", cookie(loginPage), r -> r
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
            assertThat(answer.statusCode()).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElse("")).doesNotContain("fehler");
            return cookie(answer);
        }

        /** 200 signed in, 302 (to the sign-in page) signed out. */
        int page(String session) throws Exception {
            HttpResponse<String> answer = send(PAGE, session, r -> r.GET());
            if (answer.statusCode() == 302) {
                assertThat(answer.headers().firstValue("Location").orElse("")).endsWith("/login");
            }
            return answer.statusCode();
        }

        String csrfToken(String path, String session) throws Exception {
            HttpResponse<String> page = send(path, session, r -> r.GET());
            assertThat(page.statusCode()).isEqualTo(200);
            return token(page.body());
        }

        HttpResponse<String> register(String session, String csrf, String name) throws Exception {
            String form = "name=" + enc(name) + "&email=" + enc(UUID.randomUUID() + "@example.org") + "&languages=de"
                    + "&interests=EDUCATION&consentGiven=true&consentDocument=Einwilligung&consentVersion=2024-01"
                    + "&consentDate=2025-01-01&_csrf=" + enc(csrf);
            return send("/ehrenamtliche", session, r -> r.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        private HttpResponse<String> send(String path, String session, Consumer<HttpRequest.Builder> how)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "text/html");
            if (session != null) {
                request.header("Cookie", "JSESSIONID=" + session);
            }
            how.accept(request);
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        private static String token(String html) {
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
            assertThat(csrf.find()).as("a CSRF token on the page").isTrue();
            return csrf.group(1);
        }

        private static String cookie(HttpResponse<?> answer) {
            List<String> cookies = answer.headers().allValues("Set-Cookie");
            return cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.substring(11, c.indexOf(';')))
                    .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + cookies));
        }

        private static String enc(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
