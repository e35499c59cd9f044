package nrw.komman.web.account;

import nrw.komman.web.platform.WebProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counting of {@link SignInThrottle} per pair of name and client address (ADR 24) against a real database: two
 * throttles on one database are two nodes, and they count together, also when their failures race.
 */
class SignInThrottleTest {

    private static final WebProperties.Lockout DEFAULTS =
            new WebProperties.Lockout(10, Duration.ofMinutes(15), Duration.ofMinutes(15), 3, Duration.ofSeconds(1), 50, 10_000);

    private JdbcTemplate jdbc;
    private CachingAuthenticationProviderTest.MutableClock clock;
    private SignInThrottle nodeA;
    private SignInThrottle nodeB;

    @BeforeEach
    void setUp() {
        jdbc = new JdbcTemplate(TestDatabase.migrated());
        clock = new CachingAuthenticationProviderTest.MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
        nodeA = new SignInThrottle(jdbc, DEFAULTS, clock);
        nodeB = new SignInThrottle(jdbc, DEFAULTS, clock);
    }

    @Test
    void the_waits_after_each_failure_are_none_then_doubling_then_the_block() {
        List<Duration> waits = new ArrayList<>();
        for (int failures = 1; failures <= 11; failures++) {
            waits.add(nodeA.waitAfter(failures));
        }
        assertThat(waits).containsExactly(null, null, null, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(32), Duration.ofMinutes(15), Duration.ofMinutes(15));
    }

    @Test
    void two_nodes_count_the_failures_of_one_pair_together_and_each_sees_the_block() {
        for (int i = 0; i < 10; i++) {
            (i % 2 == 0 ? nodeA : nodeB).failed("koordination.koeln", "10.1.2.3");
            clock.advance(Duration.ofMinutes(1));
        }
        SignInThrottle.Pair onA = nodeA.pair("koordination.koeln", "10.1.2.3");
        assertThat(onA.failures()).isEqualTo(10);
        assertThat(onA.blockedAt(clock.instant())).isTrue();
        assertThat(nodeB.pair("Koordination.Koeln ", "10.1.2.3").blockedAt(clock.instant())).as("the name normalised").isTrue();
        assertThat(nodeB.pair("koordination.koeln", "10.1.2.4")).as("another address has no failures").isNull();
        assertThat(nodeB.pair("koordination.viersen", "10.1.2.3")).as("another name has none").isNull();
    }

    @Test
    void racing_failures_on_two_nodes_are_all_counted() throws Exception {
        int threads = 8;
        int perThread = 5;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        SignInThrottle generous = new SignInThrottle(jdbc,
                new WebProperties.Lockout(1000, Duration.ofMinutes(15), Duration.ofMinutes(15), 1000, Duration.ofSeconds(1), 0, 10), clock);
        SignInThrottle generousB = new SignInThrottle(jdbc,
                new WebProperties.Lockout(1000, Duration.ofMinutes(15), Duration.ofMinutes(15), 1000, Duration.ofSeconds(1), 0, 10), clock);
        for (int t = 0; t < threads; t++) {
            SignInThrottle node = t % 2 == 0 ? generous : generousB;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    node.failed("bezirksregierung", "10.7.7.7");
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(generous.pair("bezirksregierung", "10.7.7.7").failures()).isEqualTo(threads * perThread);
        assertThat(jdbc.queryForObject("select count(*) from sign_in_throttle", Integer.class)).as("one row for the pair").isEqualTo(1);
    }

    @Test
    void names_are_kept_only_as_a_hash_and_rows_expire() {
        nodeA.failed("Mein-Passwort-im-Namensfeld", "10.0.0.1");
        assertThat(jdbc.queryForList("select account_key from sign_in_throttle", String.class))
                .containsExactly(SignInThrottle.accountKey("mein-passwort-im-namensfeld"))
                .noneMatch(key -> key.contains("passwort"));

        clock.advance(Duration.ofMinutes(16));
        nodeA.failed("jemand.anders", "10.0.0.2"); // the writing node deletes what has passed
        assertThat(jdbc.queryForObject("select count(*) from sign_in_throttle", Integer.class)).isEqualTo(1);
    }

    @Test
    void a_success_and_the_administrator_forget_the_pairs() {
        for (int i = 0; i < 3; i++) {
            nodeA.failed("pruefung", "10.0.0.1");
            nodeA.failed("pruefung", "10.0.0.2");
        }
        nodeA.succeeded("pruefung", "10.0.0.1");
        assertThat(nodeA.pair("pruefung", "10.0.0.1")).isNull();
        assertThat(nodeA.pair("pruefung", "10.0.0.2").failures()).isEqualTo(3);

        SignInThrottle.clear(jdbc, "Pruefung");
        assertThat(nodeA.pair("pruefung", "10.0.0.2")).isNull();
    }
}
