package nrw.komman.web.account;

import nrw.komman.kernel.common.AccountRole;
import nrw.komman.web.WebTestApplication;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refused sign-in does the same work and gets the same answer (ADR 24): one password verification, whether the
 * name is unknown, malformed, a disabled account's, blocked from this address, or the address is blocked, and
 * whether the password is right or wrong. Counted with the application's own BCrypt encoder (production strength)
 * wrapped in a counting decorator, over real HTTP (the client address from {@code X-Forwarded-For}, as behind a
 * proxy). The benchmark prints the median time per outcome; it asserts the verifications, never the time.
 */
@SpringBootTest(classes = {WebTestApplication.class, SignInSameWorkTest.Counting.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:web-same-work;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.flyway.locations=classpath:db/migration/common",
        "server.forward-headers-strategy=framework",
        "komman.admin.password=Betrieb-Passwort-2025",
        "komman.web.security.lockout.client-max-failures=20"})
class SignInSameWorkTest {

    private static final String PASSWORD = "Lange-Passphrase-42";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    /** The test's clock and the counting decorator around the application's password encoder. */
    static class Counting {
        @Bean
        CachingAuthenticationProviderTest.MutableClock clock() {
            return new CachingAuthenticationProviderTest.MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
        }

        @Bean
        static BeanPostProcessor countPasswordVerifications() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof PasswordEncoder encoder && !(bean instanceof Verifications) ? new Verifications(encoder) : bean;
                }
            };
        }
    }

    /** Counts the verifications ({@code matches}) of the real encoder it wraps. */
    static final class Verifications implements PasswordEncoder {
        private final PasswordEncoder real;
        final AtomicInteger matches = new AtomicInteger();

        Verifications(PasswordEncoder real) {
            this.real = real;
        }

        @Override
        public String encode(CharSequence rawPassword) {
            return real.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            matches.incrementAndGet();
            return real.matches(rawPassword, encodedPassword);
        }
    }

    /** What one attempt brought: status, where it redirects (form) or its body (API), and the verifications it cost. */
    record Answer(int status, String text, int verifications, long nanos) {
    }

    @LocalServerPort
    private int port;
    @Autowired
    private AccountService accounts;
    @Autowired
    private PasswordEncoder encoder;
    @Autowired
    private CachingAuthenticationProviderTest.MutableClock clock;
    @MockitoBean
    private CommandGateway commandGateway;
    @MockitoBean
    private QueryGateway queryGateway;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String enabled;
    private String disabled;
    private String pairBlockedFrom;
    private String blockedAddress;

    @BeforeEach
    void setUp() throws Exception {
        if (enabled != null) {
            return;
        }
        String suffix = String.valueOf(ADDRESSES.incrementAndGet());
        enabled = "pruefung.aktiv" + suffix;
        disabled = "pruefung.inaktiv" + suffix;
        accounts.create(enabled, PASSWORD, AccountRole.AUDITOR, null, "test");
        accounts.create(disabled, PASSWORD, AccountRole.AUDITOR, null, "test");
        accounts.disable(disabled, "test");
        // the pair (enabled, this address) blocked by a patient guesser
        pairBlockedFrom = "172.16.0." + suffix;
        for (int i = 0; i < 10; i++) {
            assertThat(api(enabled, "falsch-" + i, pairBlockedFrom).status()).isEqualTo(401);
            clock.advance(Duration.ofMinutes(1));
        }
        // this address blocked after 20 failures with many names
        blockedAddress = "172.17.0." + suffix;
        for (int i = 0; i < 20; i++) {
            api("geraten." + i, "Sommer2026!", blockedAddress);
        }
    }

    private static String fresh() {
        int n = ADDRESSES.incrementAndGet();
        return "10." + (n / 65536 % 256) + "." + (n / 256 % 256) + "." + (n % 256);
    }

    /** The refusals: outcome name, user name, password, client address. */
    private Map<String, String[]> refusals() {
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("wrong password", new String[]{enabled, "Falsches-Passwort-1", fresh()});
        cases.put("unknown name", new String[]{"niemand.hier", "Falsches-Passwort-1", fresh()});
        cases.put("malformed name", new String[]{"Robert'); DROP TABLE account;--", "Falsches-Passwort-1", fresh()});
        cases.put("disabled, wrong password", new String[]{disabled, "Falsches-Passwort-1", fresh()});
        cases.put("disabled, right password", new String[]{disabled, PASSWORD, fresh()});
        cases.put("pair blocked, right password", new String[]{enabled, PASSWORD, pairBlockedFrom});
        cases.put("pair blocked, wrong password", new String[]{enabled, "Falsches-Passwort-1", pairBlockedFrom});
        cases.put("address blocked, right password", new String[]{enabled, PASSWORD, blockedAddress});
        return cases;
    }

    @Test
    void every_refusal_over_the_api_costs_one_verification_and_answers_like_a_wrong_password() throws Exception {
        Map<String, Answer> answers = new LinkedHashMap<>();
        refusals().forEach((outcome, c) -> answers.put(outcome, unchecked(() -> api(c[0], c[1], c[2]))));

        answers.forEach((outcome, answer) -> {
            assertThat(answer.verifications()).as(outcome + ": verifications").isEqualTo(1);
            assertThat(answer.status()).as(outcome).isEqualTo(401);
            assertThat(answer.text()).as(outcome).isEqualTo(answers.get("wrong password").text()).contains("authentication.failed");
        });
        Answer first = api(enabled, PASSWORD, fresh());
        Answer remembered = api(enabled, PASSWORD, fresh());
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.verifications()).as("a first success").isEqualTo(1);
        assertThat(remembered.verifications()).as("a remembered success (the credential cache)").isZero();
    }

    @Test
    void every_refusal_on_the_form_costs_one_verification_and_answers_like_a_wrong_password() throws Exception {
        for (Map.Entry<String, String[]> c : refusals().entrySet()) {
            Answer answer = form(c.getValue()[0], c.getValue()[1], c.getValue()[2]);
            assertThat(answer.verifications()).as(c.getKey() + ": verifications").isEqualTo(1);
            assertThat(answer.status()).as(c.getKey()).isEqualTo(302);
            assertThat(answer.text()).as(c.getKey()).endsWith("/login?fehler");
        }
        Answer success = form(enabled, PASSWORD, fresh());
        assertThat(success.verifications()).isEqualTo(1);
        assertThat(success.text()).as("signed in").doesNotContain("fehler");
    }

    /** The benchmark: the outcomes interleaved, rounds of each, the median printed. Asserts the verifications only. */
    @Test
    void benchmark_the_median_time_of_each_outcome() throws Exception {
        int rounds = Integer.getInteger("komman.signin.benchmark.rounds", 15);
        Map<String, List<Answer>> samples = new LinkedHashMap<>();
        api(enabled, PASSWORD, fresh()); // warm up, and the password is remembered for the last row
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, String[]> c : refusals().entrySet()) {
                samples.computeIfAbsent(c.getKey(), k -> new ArrayList<>()).add(api(c.getValue()[0], c.getValue()[1], c.getValue()[2]));
            }
            samples.computeIfAbsent("success, remembered (for contrast)", k -> new ArrayList<>()).add(api(enabled, PASSWORD, fresh()));
        }
        StringBuilder table = new StringBuilder("\nSignInSameWorkTest benchmark: " + rounds
                + " rounds over HTTP Basic, production BCrypt, outcomes interleaved\n");
        samples.forEach((outcome, list) -> {
            double median = list.stream().mapToLong(Answer::nanos).sorted().skip(list.size() / 2).findFirst().orElse(0) / 1e6;
            int verifications = list.stream().mapToInt(Answer::verifications).max().orElse(-1);
            table.append(String.format("  %-38s median %7.1f ms   verifications per attempt %d%n", outcome, median, verifications));
        });
        System.out.println(table);
        samples.forEach((outcome, list) -> {
            if (!outcome.startsWith("success")) {
                assertThat(list).as(outcome).allMatch(a -> a.verifications() == 1 && a.status() == 401);
            }
        });
    }

    // ---- HTTP ---------------------------------------------------------------------------

    private Answer api(String username, String password, String client) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/me"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (username + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("X-Forwarded-For", client)
                .GET().build();
        Verifications counter = (Verifications) encoder;
        int before = counter.matches.get();
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - started;
        return new Answer(response.statusCode(), response.body(), counter.matches.get() - before, nanos);
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private Answer form(String username, String password, String client) throws Exception {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).cookieHandler(new CookieManager()).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("X-Forwarded-For", client).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).as("the sign-in page carries a CSRF token").isTrue();
        String csrf = token.group(1) != null ? token.group(1) : token.group(2);
        String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        Verifications counter = (Verifications) encoder;
        int before = counter.matches.get();
        long started = System.nanoTime();
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("X-Forwarded-For", client).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - started;
        return new Answer(response.statusCode(), response.headers().firstValue("Location").orElse(""),
                counter.matches.get() - before, nanos);
    }

    private interface Attempt {
        Answer run() throws Exception;
    }

    private static Answer unchecked(Attempt attempt) {
        try {
            return attempt.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
