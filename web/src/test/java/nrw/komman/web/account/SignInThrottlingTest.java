package nrw.komman.web.account;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.web.WebTestApplication;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sign-in throttling per name and client address (ADR 24), session fixation and the sign-in log, over the real security chains with the real
 * account table. Every test uses its own accounts and its own client address: the per-address counter lives as
 * long as the context.
 */
@SpringBootTest(classes = {WebTestApplication.class, SignInThrottlingTest.Clocks.class}, properties = {
        "spring.datasource.url=jdbc:h2:mem:web-throttling;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.flyway.locations=classpath:db/migration/common",
        "komman.admin.password=" + SignInThrottlingTest.ADMIN_PASSWORD,
        "komman.web.security.lockout.client-max-failures=20"})
@AutoConfigureMockMvc
class SignInThrottlingTest {

    static final String ADMIN_PASSWORD = "Betrieb-Passwort-2025";
    private static final String PASSWORD = "Lange-Passphrase-42";
    private static final AtomicInteger ADDRESSES = new AtomicInteger(10);

    /** The test's clock. Deliberately no @TestConfiguration: the web module's component scan would hand it to every test context. */
    static class Clocks {
        @Bean
        CachingAuthenticationProviderTest.MutableClock clock() {
            return new CachingAuthenticationProviderTest.MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
        }
    }

    @Autowired
    private MockMvc mvc;
    @Autowired
    private AccountService accounts;
    @Autowired
    private CredentialCache credentialCache;
    @Autowired
    private CachingAuthenticationProviderTest.MutableClock clock;
    @MockitoBean
    private CommandGateway commandGateway;
    @MockitoBean
    private QueryGateway queryGateway;

    private String address;
    private ListAppender<ILoggingEvent> signIns;

    @BeforeEach
    void setUp() {
        address = "10.0.0." + ADDRESSES.incrementAndGet();
        signIns = new ListAppender<>();
        signIns.start();
        ((Logger) LoggerFactory.getLogger(SignInLog.LOGGER)).addAppender(signIns);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(SignInLog.LOGGER)).detachAppender(signIns);
    }

    private String account(String name) {
        accounts.create(name, PASSWORD, AccountRole.AUDITOR, null, "test");
        return name;
    }

    private RequestPostProcessor from(String client) {
        return request -> {
            request.setRemoteAddr(client);
            return request;
        };
    }

    private MvcResult form(String username, String password) throws Exception {
        return mvc.perform(post("/login").with(csrf()).with(from(address)).param("username", username).param("password", password))
                .andReturn();
    }

    private int api(String username, String password) throws Exception {
        return mvc.perform(get("/api/me").with(httpBasic(username, password)).with(from(address))).andReturn().getResponse().getStatus();
    }

    /** Fails {@code times} times from the test's address, waiting out each slow-down, as a patient guesser would. */
    private void failOnTheForm(String username, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            assertThat(form(username, "falsches-Passwort-" + i).getResponse().getRedirectedUrl()).isEqualTo("/login?fehler");
            clock.advance(Duration.ofMinutes(1)); // longer than any wait before the block (32 s)
        }
    }

    private MvcResult formFrom(String client, String username, String password) throws Exception {
        return mvc.perform(post("/login").with(csrf()).with(from(client)).param("username", username).param("password", password))
                .andReturn();
    }

    // ---- session fixation -----------------------------------------------------------------

    @Test
    void signing_in_on_the_form_gives_the_session_a_new_id() throws Exception {
        // the session is Spring Session's (ADR 23), known by its cookie, not the container's
        String name = account("pruefung.sitzung");
        String before = sessionCookie(mvc.perform(get("/login")).andExpect(status().isOk()).andReturn());

        MvcResult result = mvc.perform(post("/login").header("Cookie", "JSESSIONID=" + before).with(csrf()).with(from(address))
                        .param("username", name).param("password", PASSWORD))
                .andExpect(redirectedUrl("/"))
                .andReturn();

        assertThat(sessionCookie(result)).isNotEqualTo(before);
    }

    private static String sessionCookie(MvcResult result) {
        return result.getResponse().getHeaders("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring("JSESSIONID=".length(), c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie"));
    }

    // ---- throttling per name and address (ADR 24) ----------------------------------------

    @Test
    void ten_failures_from_one_address_block_that_address_for_that_name_even_for_the_right_password() throws Exception {
        String name = account("pruefung.formular");
        failOnTheForm(name, 9);
        assertThat(form(name, PASSWORD).getResponse().getRedirectedUrl()).as("nine failures do not block").isEqualTo("/");
        failOnTheForm(name, 10);

        assertThat(form(name, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/login?fehler");
        assertThat(api(name, PASSWORD)).as("the API is blocked too, from this address").isEqualTo(401);
        assertThat(accounts.get(name).lockedUntil()).isEqualTo(clock.instant().minus(Duration.ofMinutes(1)).plus(Duration.ofMinutes(15)));
    }

    @Test
    void the_owner_signs_in_from_another_address_while_a_guesser_is_blocked() throws Exception {
        String owner = account("ministerium.admin");
        failOnTheForm(owner, 10); // the guesser at this test's address
        assertThat(form(owner, PASSWORD).getResponse().getRedirectedUrl()).as("the guesser's address is blocked").isEqualTo("/login?fehler");

        assertThat(formFrom("192.168.7.7", owner, PASSWORD).getResponse().getRedirectedUrl()).as("the owner elsewhere").isEqualTo("/");
        assertThat(mvc.perform(get("/api/me").with(httpBasic(owner, PASSWORD)).with(from("2001:db8:1:2::5")))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(form(owner, PASSWORD).getResponse().getRedirectedUrl()).as("the owner's success does not free the guesser")
                .isEqualTo("/login?fehler");
    }

    @Test
    void an_ipv6_guesser_counts_by_its_64_network_for_the_pair() throws Exception {
        String name = account("pruefung.ipsechs");
        for (int i = 0; i < 10; i++) {
            MvcResult r = formFrom("2001:db8:aa:bb::" + Integer.toHexString(i + 1), name, "falsch-" + i);
            assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/login?fehler");
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(formFrom("2001:db8:aa:bb:ffff::1", name, PASSWORD).getResponse().getRedirectedUrl())
                .as("another address of the same /64").isEqualTo("/login?fehler");
        assertThat(formFrom("2001:db8:aa:bc::1", name, PASSWORD).getResponse().getRedirectedUrl()).as("another /64").isEqualTo("/");
    }

    @Test
    void after_three_free_failures_each_failure_makes_the_pair_wait_twice_as_long_without_holding_the_request() throws Exception {
        String name = account("pruefung.langsam");
        for (int i = 0; i < 3; i++) {
            assertThat(form(name, "falsch-" + i).getResponse().getRedirectedUrl()).isEqualTo("/login?fehler"); // no wait between
        }
        assertThat(form(name, "falsch-3").getResponse().getRedirectedUrl()).isEqualTo("/login?fehler"); // heard: the 4th failure
        long started = System.nanoTime();
        assertThat(form(name, PASSWORD).getResponse().getRedirectedUrl()).as("within a second of the 4th failure").isEqualTo("/login?fehler");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("refused at once, not held").isLessThan(Duration.ofSeconds(1));
        assertThat(accounts.get(name).failedSignIns()).as("an attempt during the wait is not heard, so not counted").isEqualTo(4);

        clock.advance(Duration.ofSeconds(1));
        assertThat(form(name, "falsch-4").getResponse().getRedirectedUrl()).isEqualTo("/login?fehler"); // the 5th: 2 s
        clock.advance(Duration.ofMillis(1500));
        assertThat(form(name, PASSWORD).getResponse().getRedirectedUrl()).as("1.5 s after the 5th failure").isEqualTo("/login?fehler");
        clock.advance(Duration.ofMillis(500));
        assertThat(form(name, PASSWORD).getResponse().getRedirectedUrl()).as("2 s after the 5th failure").isEqualTo("/");
        assertThat(accounts.get(name).failedSignIns()).as("the success forgets the pair").isZero();
    }

    @Test
    void failures_over_the_api_and_the_form_add_up_and_the_api_answers_a_blocked_pair_like_a_wrong_password() throws Exception {
        String name = account("programm.api");
        assertThat(api(name, PASSWORD)).isEqualTo(200); // the credential cache now knows the password
        for (int i = 0; i < 5; i++) {
            assertThat(api(name, "falsch-" + i)).isEqualTo(401);
            clock.advance(Duration.ofMinutes(1));
        }
        failOnTheForm(name, 5);

        String blocked = mvc.perform(get("/api/me").with(httpBasic(name, PASSWORD)).with(from(address)))
                .andExpect(status().isUnauthorized()).andReturn().getResponse().getContentAsString();
        String wrong = mvc.perform(get("/api/me").with(httpBasic(name, "falsch")).with(from(address)))
                .andExpect(status().isUnauthorized()).andReturn().getResponse().getContentAsString();
        String unknown = mvc.perform(get("/api/me").with(httpBasic("niemand.hier", "falsch")).with(from(address)))
                .andExpect(status().isUnauthorized()).andReturn().getResponse().getContentAsString();
        assertThat(blocked).isEqualTo(wrong).isEqualTo(unknown).contains("authentication.failed");
    }

    @Test
    void a_right_password_during_a_block_is_never_remembered_so_it_cannot_answer_faster_than_a_wrong_one() throws Exception {
        String name = account("programm.gesperrt");
        assertThat(api(name, PASSWORD)).isEqualTo(200); // remembered by the credential cache
        for (int i = 0; i < 10; i++) {
            assertThat(api(name, "falsch-" + i)).isEqualTo(401);
            clock.advance(Duration.ofMinutes(1));
        }
        credentialCache.clear();
        assertThat(api(name, PASSWORD)).as("blocked").isEqualTo(401);
        assertThat(api(name, PASSWORD)).as("still blocked").isEqualTo(401);
        assertThat(credentialCache.lookup(credentialCache.key(name, PASSWORD))).as("the right password is not remembered while blocked")
                .isEmpty();
    }

    @Test
    void the_form_says_the_same_for_a_blocked_pair_a_disabled_account_an_unknown_name_and_a_wrong_password() throws Exception {
        String name = account("pruefung.gleich");
        String disabled = account("pruefung.deaktiviert");
        accounts.disable(disabled, "test");
        failOnTheForm(name, 10);
        MvcResult blocked = form(name, PASSWORD);
        MvcResult wrong = form(name, "falsch");
        MvcResult unknown = form("niemand.sonst", "falsch");
        MvcResult disabledRight = form(disabled, PASSWORD);
        MvcResult disabledWrong = form(disabled, "falsch");
        for (MvcResult r : List.of(blocked, wrong, unknown, disabledRight, disabledWrong)) {
            assertThat(r.getResponse().getStatus()).isEqualTo(302);
            assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/login?fehler");
        }
        mvc.perform(get("/login?fehler")).andExpect(content().string(org.hamcrest.Matchers.containsString(
                "Benutzername oder Passwort ist falsch, oder das Konto ist gesperrt.")));
        assertThat(signIns.list).extracting(ILoggingEvent::getFormattedMessage).as("only the log tells a disabled account apart")
                .contains("sign-in outcome=disabled account=" + disabled + " client=" + address + " channel=form at=" + clock.instant());
    }

    @Test
    void a_disabled_account_answers_the_api_like_a_wrong_password_whatever_the_password() throws Exception {
        String disabled = account("programm.deaktiviert");
        assertThat(api(disabled, PASSWORD)).isEqualTo(200); // remembered
        accounts.disable(disabled, "test");
        String right = mvc.perform(get("/api/me").with(httpBasic(disabled, PASSWORD)).with(from(address)))
                .andExpect(status().isUnauthorized()).andReturn().getResponse().getContentAsString();
        String wrong = mvc.perform(get("/api/me").with(httpBasic(disabled, "falsch")).with(from(address)))
                .andExpect(status().isUnauthorized()).andReturn().getResponse().getContentAsString();
        String unknown = mvc.perform(get("/api/me").with(httpBasic("niemand.dort", "falsch")).with(from(address)))
                .andExpect(status().isUnauthorized()).andReturn().getResponse().getContentAsString();
        assertThat(right).isEqualTo(wrong).isEqualTo(unknown).contains("authentication.failed");
    }

    @Test
    void the_block_ends_after_fifteen_minutes() throws Exception {
        String name = account("pruefung.spaeter");
        failOnTheForm(name, 10); // the block began a minute ago
        clock.advance(Duration.ofMinutes(13));
        assertThat(api(name, PASSWORD)).isEqualTo(401);

        clock.advance(Duration.ofMinutes(1));
        assertThat(api(name, PASSWORD)).isEqualTo(200);
        assertThat(accounts.get(name).failedSignIns()).as("the success forgets the failures").isZero();
        assertThat(accounts.get(name).lockedUntil()).isNull();
    }

    @Test
    void a_successful_sign_in_forgets_the_failures_and_old_failures_expire() throws Exception {
        String name = account("pruefung.vergessen");
        failOnTheForm(name, 9);
        assertThat(form(name, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
        failOnTheForm(name, 9);
        clock.advance(Duration.ofMinutes(16)); // the window of these nine has passed
        failOnTheForm(name, 3);

        assertThat(form(name, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void an_administrator_ends_the_blocks_over_the_api() throws Exception {
        String name = account("pruefung.entsperren");
        failOnTheForm(name, 10);
        assertThat(accounts.get(name).lockedAt(clock.instant())).isTrue();

        mvc.perform(post("/api/admin/accounts/{u}/unlock", name).with(httpBasic("admin", ADMIN_PASSWORD)))
                .andExpect(status().isNoContent());
        mvc.perform(post("/api/admin/accounts/{u}/unlock", "gibt.es.nicht").with(httpBasic("admin", ADMIN_PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/admin/accounts/{u}/unlock", name).with(httpBasic(name, PASSWORD)))
                .andExpect(status().isForbidden());

        assertThat(accounts.get(name).lockedUntil()).isNull();
        assertThat(accounts.get(name).updatedBy()).isEqualTo("admin");
        assertThat(api(name, PASSWORD)).isEqualTo(200);
    }

    @Test
    void an_administrator_sees_the_block_on_the_accounts_page_and_ends_it_there() throws Exception {
        String name = account("pruefung.seite");
        failOnTheForm(name, 10);
        RequestPostProcessor admin = user(new AccountPrincipal("admin", null, AccountRole.ADMINISTRATOR, null, true));
        mvc.perform(get("/verwaltung/konten").with(admin))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Anmeldung gesperrt bis")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/verwaltung/konten/" + name + "/entsperren")));

        mvc.perform(post("/verwaltung/konten/{u}/entsperren", name).with(admin).with(csrf()))
                .andExpect(redirectedUrl("/verwaltung/konten"));

        assertThat(accounts.get(name).lockedUntil()).isNull();
        assertThat(form(name, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void failures_with_many_names_block_the_client_address_but_not_others() throws Exception {
        String name = account("pruefung.nachbar");
        for (int i = 0; i < 20; i++) {
            form("geraten." + i, "Sommer2026!");
        }
        assertThat(form(name, PASSWORD).getResponse().getRedirectedUrl()).as("the address is blocked").isEqualTo("/login?fehler");
        assertThat(accounts.get(name).failedSignIns()).as("not the account's fault").isZero();

        MvcResult elsewhere = mvc.perform(post("/login").with(csrf()).with(from("10.9.9.9"))
                .param("username", name).param("password", PASSWORD)).andReturn();
        assertThat(elsewhere.getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    // ---- the sign-in log ------------------------------------------------------------------

    @Test
    void sign_ins_and_failures_are_logged_with_outcome_account_and_client_never_the_password() throws Exception {
        String name = account("pruefung.protokoll");
        Instant start = clock.instant();
        form(name, PASSWORD);
        form(name, "Falsches-Geheimnis-1");
        form("Mein-Passwort-im-Namensfeld", "x");
        failOnTheForm(name, 9);
        form(name, PASSWORD); // blocked now

        List<String> lines = signIns.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).contains(
                "sign-in outcome=success account=" + name + " client=" + address + " channel=form at=" + start,
                "sign-in outcome=failed account=" + name + " client=" + address + " channel=form at=" + start,
                "sign-in outcome=failed account=- client=" + address + " channel=form at=" + start,
                "sign-in outcome=locked account=" + name + " client=" + address + " channel=form at=" + clock.instant());
        assertThat(String.join("\n", lines)).doesNotContain("Falsches-Geheimnis", "Mein-Passwort", PASSWORD);

        mvc.perform(get("/api/admin/sign-ins").param("username", name).with(httpBasic("admin", ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(12))
                .andExpect(jsonPath("$[0].outcome").value("locked"))
                .andExpect(jsonPath("$[0].client").value(address))
                .andExpect(jsonPath("$[0].channel").value("form"))
                .andExpect(jsonPath("$[11].outcome").value("success"));
        mvc.perform(get("/api/admin/sign-ins").param("limit", "0").with(httpBasic("admin", ADMIN_PASSWORD)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/admin/sign-ins").with(httpBasic(name, PASSWORD)).with(from(address)))
                .andExpect(status().isUnauthorized()); // blocked from this address
        mvc.perform(get("/api/admin/sign-ins").with(httpBasic(name, PASSWORD)))
                .andExpect(status().isForbidden()); // signed in from another address, but an auditor may not read the log
    }

    @Test
    void a_program_that_signs_in_with_every_request_is_logged_once_not_per_request() throws Exception {
        String name = account("programm.oft");
        for (int i = 0; i < 5; i++) {
            assertThat(api(name, PASSWORD)).isEqualTo(200);
        }
        assertThat(signIns.list).filteredOn(e -> e.getLevel() == ch.qos.logback.classic.Level.INFO)
                .extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("sign-in outcome=success account=" + name + " client=" + address + " channel=api at=" + clock.instant());
        mvc.perform(get("/api/admin/sign-ins").param("username", name).with(httpBasic("admin", ADMIN_PASSWORD)))
                .andExpect(jsonPath("$.length()").value(1));
    }
}
