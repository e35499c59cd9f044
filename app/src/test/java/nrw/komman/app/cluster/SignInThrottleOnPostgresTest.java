package nrw.komman.app.cluster;

import nrw.komman.app.support.EmbeddedPostgresServer;
import nrw.komman.web.account.SignInThrottle;
import nrw.komman.web.platform.WebProperties;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in throttling per name and address (ADR 24) on a real PostgreSQL with the release's schema: two nodes (each
 * its own connections) count the racing failures of one pair into one row, none lost, and both see the block.
 */
class SignInThrottleOnPostgresTest {

    @Test
    void racing_failures_on_two_nodes_are_all_counted_and_both_see_the_block() throws Exception {
        String url = EmbeddedPostgresServer.newDatabaseUrl();
        Flyway.configure().dataSource(url, "postgres", "postgres")
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);
        WebProperties.Lockout settings =
                new WebProperties.Lockout(40, Duration.ofMinutes(15), Duration.ofMinutes(15), 1000, Duration.ofSeconds(1), 0, 10);
        List<SignInThrottle> nodes = List.of(
                new SignInThrottle(new JdbcTemplate(new DriverManagerDataSource(url, "postgres", "postgres")), settings, clock),
                new SignInThrottle(new JdbcTemplate(new DriverManagerDataSource(url, "postgres", "postgres")), settings, clock));

        int threads = 8;
        int perThread = 5;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            SignInThrottle node = nodes.get(t % 2);
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    node.failed("ministerium.leitung", "2001:db8:5:6::" + (i + 1)); // one /64: one pair
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        for (SignInThrottle node : nodes) {
            SignInThrottle.Pair pair = node.pair("ministerium.leitung", "2001:db8:5:6::99");
            assertThat(pair.failures()).as("every racing failure counted").isEqualTo(threads * perThread);
            assertThat(pair.blockedAt(clock.instant())).as("the 40th blocks the pair on every node").isTrue();
            assertThat(node.pair("ministerium.leitung", "2001:db8:5:7::1")).as("another /64 is free").isNull();
        }
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", "postgres"));
        assertThat(jdbc.queryForObject("select count(*) from sign_in_throttle", Integer.class)).isEqualTo(1);
    }
}
