package nrw.komman.app.soak;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import nrw.komman.app.KommAnApplication;
import nrw.komman.app.support.Api;
import nrw.komman.app.support.EmbeddedPostgresServer;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static nrw.komman.app.support.Requests.activity;
import static nrw.komman.app.support.Requests.volunteer;
import static nrw.komman.app.support.TestAccounts.DUESSELDORF;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static nrw.komman.app.support.TestAccounts.MINISTRY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Soak mode (issue 7; not in CI): mixed load at half the platform's measured maximum for
 * {@code soak.minutes} (30 by default) on a durable PostgreSQL, with {@code -Xmx512m}. Every 30 s it
 * prints throughput, errors, the heap after the last collection and the connection pool; at the end
 * it checks that nothing failed, the pool drained and the heap did not grow.
 * <pre>./mvnw -B -Psoak -pl app -am verify [-Dsoak.minutes=30]</pre>
 */
class PlatformSoak {

    private static final int CLIENTS = 8;
    private static final Duration CALIBRATION = Duration.ofSeconds(30);
    private static final Duration SAMPLE = Duration.ofSeconds(30);

    @Test
    void half_the_maximum_load_for_half_an_hour_keeps_heap_and_pool_stable() throws Exception {
        Duration soak = Duration.ofMinutes(Long.getLong("soak.minutes", 30));
        String url = EmbeddedPostgresServer.newDatabaseUrl();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(KommAnApplication.class).run(
                "--spring.profiles.active=postgres,test", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres", "--server.port=0", "--komman.admin.password=" + TestAccounts.ADMIN_PASSWORD,
                "--logging.level.root=WARN")) {
            Api api = new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
            TestAccounts.createAll(api);
            List<String> koeln = new ArrayList<>();
            List<String> duesseldorf = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                koeln.add(api.post("/api/centres/05315/volunteers", volunteer("Dauer K" + i, "dauer.k" + i + "@example.org"), KOELN).text("volunteerId"));
                duesseldorf.add(api.post("/api/centres/05111/volunteers", volunteer("Dauer D" + i, "dauer.d" + i + "@example.org"), DUESSELDORF)
                        .text("volunteerId"));
            }
            HikariPoolMXBean pool = app.getBean(DataSource.class).unwrap(HikariDataSource.class).getHikariPoolMXBean();

            Load calibration = new Load(api, koeln, duesseldorf, 0);
            calibration.runFor(CALIBRATION);
            double maximum = calibration.requests.get() / (double) CALIBRATION.toSeconds();
            double target = maximum / 2;
            System.out.printf("Soak: maximum %.0f requests/s with %d clients; soaking at %.0f/s for %d min%n", maximum, CLIENTS, target,
                    soak.toMinutes());
            assertThat(calibration.failures.get()).as("failures while calibrating").isZero();

            Load load = new Load(api, koeln, duesseldorf, target);
            load.start();
            List<Long> heapAfterGc = new ArrayList<>();
            System.out.println("Soak: minute | requests/s | failures | heap after GC (MB) | pool active/idle/waiting");
            long end = System.nanoTime() + soak.toNanos();
            long lastRequests = 0;
            while (System.nanoTime() < end) {
                Thread.sleep(SAMPLE.toMillis());
                long requests = load.requests.get();
                long heap = heapAfterLastCollection() / (1024 * 1024);
                heapAfterGc.add(heap);
                System.out.printf("Soak: %6.1f | %10.1f | %8d | %18d | %d/%d/%d%n",
                        (soak.toNanos() - (end - System.nanoTime())) / 60e9, (requests - lastRequests) / (double) SAMPLE.toSeconds(),
                        load.failures.get(), heap, pool.getActiveConnections(), pool.getIdleConnections(), pool.getThreadsAwaitingConnection());
                lastRequests = requests;
            }
            load.stop();
            Thread.sleep(2_000);

            assertThat(load.failures.get()).as("failed requests").isZero();
            assertThat(pool.getThreadsAwaitingConnection()).as("nobody waits for a connection after the load").isZero();
            assertThat(pool.getActiveConnections()).as("every connection returned").isZero();
            int third = Math.max(1, heapAfterGc.size() / 3);
            double early = heapAfterGc.subList(0, third).stream().mapToLong(Long::longValue).average().orElse(0);
            double late = heapAfterGc.subList(heapAfterGc.size() - third, heapAfterGc.size()).stream().mapToLong(Long::longValue).average().orElse(0);
            System.out.printf("Soak: %d requests, heap after GC %.0f MB in the first third, %.0f MB in the last%n", load.requests.get(), early, late);
            assertThat(late).as("heap after collections does not keep growing").isLessThan(early * 1.5 + 32);
        }
    }

    /** The old generation's occupancy right after its last collection: what stays, not what waits to be collected. */
    private static long heapAfterLastCollection() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getCollectionUsage();
            if (pool.getType() == MemoryType.HEAP && afterGc != null && pool.getName().contains("Old")) {
                used += afterGc.getUsed();
            }
        }
        return used;
    }

    /** Eight clients: 70 % log an activity, 20 % read a page of the activity log, 10 % the ministry overview. */
    private static final class Load {

        final AtomicLong requests = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        private final Api api;
        private final List<String> koeln;
        private final List<String> duesseldorf;
        private final double perSecond;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private ExecutorService clients;

        Load(Api api, List<String> koeln, List<String> duesseldorf, double perSecond) {
            this.api = api;
            this.koeln = koeln;
            this.duesseldorf = duesseldorf;
            this.perSecond = perSecond;
        }

        void runFor(Duration duration) throws InterruptedException {
            start();
            Thread.sleep(duration.toMillis());
            stop();
        }

        void start() {
            clients = Executors.newFixedThreadPool(CLIENTS);
            long started = System.nanoTime();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.submit(() -> {
                    LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
                    for (long i = 0; running.get(); i++) {
                        if (perSecond > 0) { // paced: this client's share of the target rate
                            long due = started + (long) (i * CLIENTS * 1e9 / perSecond);
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                TimeUnit.NANOSECONDS.sleep(wait);
                            }
                        }
                        boolean ok;
                        long kind = (i + client) % 10;
                        if (kind < 7) {
                            boolean inKoeln = client % 2 == 0;
                            List<String> volunteers = inKoeln ? koeln : duesseldorf;
                            ok = api.post("/api/volunteers/" + volunteers.get((int) (i % volunteers.size())) + "/activities",
                                    activity(today.minusDays(i % 300), 15 + (int) (i % 4) * 15, "OTHER"), inKoeln ? KOELN : DUESSELDORF)
                                    .status() == 201;
                        } else if (kind < 9) {
                            ok = api.get("/api/centres/05315/activities?page=0&size=20", KOELN).status() == 200;
                        } else {
                            ok = api.get("/api/ministry/overview", MINISTRY).status() == 200;
                        }
                        requests.incrementAndGet();
                        if (!ok) {
                            failures.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            clients.shutdown();
            clients.awaitTermination(60, TimeUnit.SECONDS);
        }
    }
}
