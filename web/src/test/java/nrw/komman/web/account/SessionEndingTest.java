package nrw.komman.web.account;

import nrw.komman.kernel.common.AccountRole;
import nrw.komman.web.WebTestApplication;
import nrw.komman.web.platform.security.SessionCookieGuard;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browser sessions in the database (ADR 23) on H2, over real HTTP: a sign-in through the form leaves a session row
 * indexed by the account; disabling the account, a new password set by an administrator or by the owner, and a
 * new role end all its sessions at once (the next request with the cookie is sent to the sign-in page), and only
 * its own.
 */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:web-sessions;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.flyway.locations=classpath:db/migration/common",
        "komman.admin.password=" + SessionEndingTest.ADMIN_PASSWORD})
class SessionEndingTest {

    static final String ADMIN_PASSWORD = "Betrieb-Passwort-2025";
    private static final String PASSWORD = "Lange-Passphrase-42";
    /** A page only a signed-in administrator sees, which needs no read model. */
    private static final String PAGE = "/verwaltung/konten";

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    AccountSessions sessions;
    @Autowired
    JdbcTemplate jdbc;
    @MockitoBean
    CommandGateway commandGateway;
    @MockitoBean
    QueryGateway queryGateway;

    private final HttpClient http = HttpClient.newHttpClient();

    private String administrator() {
        String name = "verwaltung." + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(name, PASSWORD, AccountRole.ADMINISTRATOR, null, "test");
        return name;
    }

    @Test
    void a_form_sign_in_is_a_session_row_of_the_account_with_a_new_id_and_the_cookie_flags() throws Exception {
        String name = administrator();
        HttpResponse<String> loginPage = send(HttpRequest.newBuilder(uri("/login")).GET(), null);
        String before = cookie(loginPage);
        assertThat(loginPage.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("JSESSIONID=").contains("HttpOnly", "SameSite=Lax"));

        String session = signIn(name, PASSWORD);

        assertThat(session).as("a new session id on sign-in (fixation)").isNotEqualTo(before);
        assertThat(page(session)).isEqualTo(200);
        assertThat(rows(name)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select session_id from spring_session where principal_name = ?", String.class, name))
                .isEqualTo(sessionId(session));
    }

    @Test
    void disabling_an_account_ends_all_its_sessions_at_once_and_no_other() throws Exception {
        String name = administrator();
        String other = administrator();
        String first = signIn(name, PASSWORD);
        String second = signIn(name, PASSWORD);
        String others = signIn(other, PASSWORD);
        assertThat(page(first)).isEqualTo(200);
        assertThat(page(second)).isEqualTo(200);

        assertThat(api("POST", "/api/admin/accounts/" + name + "/disable", null, "admin", ADMIN_PASSWORD)).isEqualTo(204);

        assertThat(page(first)).as("signed out").isEqualTo(302);
        assertThat(page(second)).as("signed out").isEqualTo(302);
        assertThat(rows(name)).isZero();
        assertThat(page(others)).as("another account's session goes on").isEqualTo(200);
        assertThat(api("GET", "/api/me", null, name, PASSWORD)).as("HTTP Basic of the disabled account").isEqualTo(401);
    }

    @Test
    void a_new_password_set_by_an_administrator_ends_the_sessions() throws Exception {
        String name = administrator();
        String session = signIn(name, PASSWORD);
        assertThat(api("GET", "/api/me", null, name, PASSWORD)).isEqualTo(200); // the credential cache knows the pair now

        assertThat(api("POST", "/api/admin/accounts/" + name + "/password", "{\"password\":\"Neue-Passphrase-2026\"}",
                "admin", ADMIN_PASSWORD)).isEqualTo(204);

        assertThat(page(session)).isEqualTo(302);
        assertThat(rows(name)).isZero();
        assertThat(api("GET", "/api/me", null, name, PASSWORD)).as("the old password").isEqualTo(401);
        assertThat(api("GET", "/api/me", null, name, "Neue-Passphrase-2026")).isEqualTo(200);
    }

    @Test
    void a_new_role_ends_the_sessions_that_carry_the_old_one() throws Exception {
        String name = administrator();
        String session = signIn(name, PASSWORD);

        assertThat(api("PUT", "/api/admin/accounts/" + name + "/role", "{\"role\":\"AUDITOR\"}", "admin", ADMIN_PASSWORD))
                .isEqualTo(200);

        assertThat(page(session)).as("signed out, not an administrator's page with the old role").isEqualTo(302);
        assertThat(rows(name)).isZero();
        assertThat(accounts.get(name).role()).isEqualTo(AccountRole.AUDITOR);
    }

    @Test
    void the_same_role_again_changes_nothing_and_signs_nobody_out() throws Exception {
        String name = administrator();
        String session = signIn(name, PASSWORD);

        assertThat(api("PUT", "/api/admin/accounts/" + name + "/role", "{\"role\":\"ADMINISTRATOR\"}", "admin", ADMIN_PASSWORD))
                .isEqualTo(200);

        assertThat(page(session)).isEqualTo(200);
    }

    @Test
    void the_owner_sets_a_new_password_and_every_session_ends_but_the_one_kept() throws Exception {
        String name = administrator();
        String kept = signIn(name, PASSWORD);
        String elsewhere = signIn(name, PASSWORD);

        // the owner's page: a wrong current password changes nothing
        HttpResponse<String> refused = ownPassword(kept, "nicht-das-Passwort", "Eigene-Passphrase-2026");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Das bisherige Passwort stimmt nicht.");
        assertThat(page(elsewhere)).isEqualTo(200);

        HttpResponse<String> changed = ownPassword(kept, PASSWORD, "Eigene-Passphrase-2026");
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(changed.headers().firstValue("Location").orElse("")).endsWith("/");

        assertThat(page(kept)).as("the session the owner did it in").isEqualTo(200);
        assertThat(page(elsewhere)).isEqualTo(302);
        assertThat(rows(name)).isEqualTo(1);
        // over the API there is no session to keep: a wrong current password is a 400 and changes nothing
        assertThat(api("POST", "/api/me/password", "{\"currentPassword\":\"falsch-falsch-falsch\",\"newPassword\":\"Noch-Eine-Passphrase-7\"}",
                name, "Eigene-Passphrase-2026")).isEqualTo(400);
        assertThat(page(kept)).isEqualTo(200);
        assertThat(api("POST", "/api/me/password", "{\"currentPassword\":\"Eigene-Passphrase-2026\",\"newPassword\":\"Noch-Eine-Passphrase-7\"}",
                name, "Eigene-Passphrase-2026")).isEqualTo(204);
        assertThat(page(kept)).isEqualTo(302);
    }

    @Test
    void a_session_whose_sign_in_no_longer_reads_back_is_signed_out_not_an_error() throws Exception {
        String name = administrator();
        String session = signIn(name, PASSWORD);
        // as after a release that changed a class stored in sessions: the stored security context no longer deserializes
        assertThat(jdbc.update("""
                update spring_session_attributes set attribute_bytes = ?
                 where attribute_name = 'SPRING_SECURITY_CONTEXT'
                   and session_primary_id = (select primary_id from spring_session where session_id = ?)""",
                new byte[]{(byte) 0xAC, (byte) 0xED, 0, 5, 1, 2, 3}, sessionId(session))).isEqualTo(1);

        assertThat(page(session)).isEqualTo(302);
        assertThat(signIn(name, PASSWORD)).isNotNull();
    }

    @Test
    void only_a_cookie_that_can_name_a_session_is_looked_up() {
        assertThat(SessionCookieGuard.couldBeSession(
                Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(SessionCookieGuard.couldBeSession("A".repeat(500))).isFalse();
        assertThat(SessionCookieGuard.couldBeSession("AAAAAAAA")).isFalse();
        assertThat(SessionCookieGuard.couldBeSession("%00")).isFalse();
    }

    @Test
    void the_page_to_return_to_after_sign_in_is_remembered_without_its_query_which_may_name_a_volunteer() throws Exception {
        String marker = "Suchname" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> search = send(HttpRequest.newBuilder(uri("/ehrenamtliche?suche=" + marker))
                .header("Accept", "text/html").GET(), null);
        assertThat(search.statusCode()).isEqualTo(302);
        List<byte[]> attributes = jdbc.queryForList("select attribute_bytes from spring_session_attributes", byte[].class);
        assertThat(attributes.stream().anyMatch(bytes -> new String(bytes, StandardCharsets.ISO_8859_1).contains(marker)))
                .as("the searched name in a session row").isFalse();

        HttpResponse<String> page = send(HttpRequest.newBuilder(uri(PAGE)).header("Accept", "text/html").GET(), null);
        assertThat(page.statusCode()).isEqualTo(302);
        HttpResponse<String> loginPage = send(HttpRequest.newBuilder(uri("/login")).GET(), cookie(page));
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(csrf.find()).isTrue();
        String name = administrator();
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(name) + "&password=" + enc(PASSWORD) + "&_csrf="
                        + enc(csrf.group(1)))), cookie(page));
        assertThat(signedIn.headers().firstValue("Location").orElse("")).as("back to the page asked for").contains(PAGE);
    }

    @Test
    void an_administrator_who_sets_their_own_password_on_the_accounts_page_is_signed_out_without_an_error() throws Exception {
        String name = administrator();
        String session = signIn(name, PASSWORD);
        HttpResponse<String> form = send(HttpRequest.newBuilder(uri("/verwaltung/konten/" + name + "/passwort"))
                .header("Accept", "text/html").GET(), session);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).isTrue();

        // the session of this very request ends, while the page still puts its confirmation into it
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/verwaltung/konten/" + name + "/passwort"))
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("password=" + enc("Selbst-Gesetzt-2026") + "&_csrf=" + enc(csrf.group(1)))),
                session);

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(page(session)).isEqualTo(302);
    }

    @Test
    void ending_the_sessions_of_an_account_without_any_is_nothing() {
        assertThat(sessions.endAll("niemand")).isZero();
    }

    // ---- a browser without a browser ------------------------------------------------------------

    /** Signs in through the form; answers the session cookie's value. */
    private String signIn(String username, String password) throws Exception {
        HttpResponse<String> loginPage = send(HttpRequest.newBuilder(uri("/login")).GET(), null);
        String anonymous = cookie(loginPage);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(csrf.find()).as("the form's CSRF token").isTrue();
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), anonymous);
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElse("")).doesNotContain("fehler");
        return cookie(answer);
    }

    private HttpResponse<String> ownPassword(String session, String current, String next) throws Exception {
        HttpResponse<String> form = send(HttpRequest.newBuilder(uri("/konto/passwort")).header("Accept", "text/html").GET(), session);
        assertThat(form.statusCode()).isEqualTo(200);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).isTrue();
        String body = "currentPassword=" + enc(current) + "&password=" + enc(next) + "&_csrf=" + enc(csrf.group(1));
        return send(HttpRequest.newBuilder(uri("/konto/passwort")).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)), session);
    }

    /** The status of the administrators' page with this session: 200 signed in, 302 (to the sign-in page) signed out. */
    private int page(String session) throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(PAGE)).header("Accept", "text/html").GET(), session);
        if (answer.statusCode() == 302) {
            assertThat(answer.headers().firstValue("Location").orElse("")).endsWith("/login");
        }
        return answer.statusCode();
    }

    private int api(String method, String path, String json, String username, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                        .getBytes(StandardCharsets.UTF_8)))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request, null).statusCode();
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String session) throws IOException, InterruptedException {
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<?> answer) {
        List<String> cookies = answer.headers().allValues("Set-Cookie");
        return cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.substring(11, c.indexOf(';')))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + cookies));
    }

    /** Spring Session's cookie carries the session id in Base64. */
    private static String sessionId(String cookie) {
        return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
    }

    private int rows(String username) {
        return jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Integer.class, username);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
