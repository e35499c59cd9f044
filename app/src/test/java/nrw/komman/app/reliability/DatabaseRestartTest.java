package nrw.komman.app.reliability;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nrw.komman.app.KommAnApplication;
import nrw.komman.app.support.Api;
import nrw.komman.app.support.ReadModels;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nrw.komman.app.support.Requests.volunteer;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL is restarted while four clients log activities: during the outage every request is
 * answered 503 with Retry-After (never 500, never a stack trace), the application recovers by itself
 * when the database is back, every activity answered 201 is in the event store exactly once, and the
 * read models converge to what the events say. The database runs durably (fsync, synchronous commit).
 */
class DatabaseRestartTest {

    private static final Pattern ACTIVITY_ID = Pattern.compile("\"activityId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Duration OUTAGE = Duration.ofSeconds(8);

    @Test
    void a_restarted_database_costs_503s_during_the_outage_and_nothing_else(@TempDir Path pgData) throws Exception {
        int pgPort = freePort();
        EmbeddedPostgres pg = startPostgres(pgData, pgPort);
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database komman");
        }
        String url = "jdbc:postgresql://localhost:" + pgPort + "/komman";
        ConfigurableApplicationContext app = new SpringApplicationBuilder(KommAnApplication.class).run(
                "--spring.profiles.active=postgres,test", "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--server.port=0", "--komman.admin.password=" + TestAccounts.ADMIN_PASSWORD);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
        Queue<String> faults = new ConcurrentLinkedQueue<>();
        AtomicInteger acceptedAfterRestart = new AtomicInteger();
        AtomicBoolean restarted = new AtomicBoolean();
        long outageStarted;
        long recoveredAfterMillis;
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            Api api = new Api(port);
            TestAccounts.createAll(api);
            List<String> volunteers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                volunteers.add(api.post("/api/centres/05315/volunteers", volunteer("Neustart " + i, "neustart" + i + "@example.org"), KOELN)
                        .text("volunteerId"));
            }

            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(volunteers.size());
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String auth = "Basic " + Base64.getEncoder().encodeToString((KOELN.username() + ":" + KOELN.password()).getBytes(StandardCharsets.UTF_8));
            String today = LocalDate.now(ZoneId.of("Europe/Berlin")).toString();
            for (String v : volunteers) {
                clients.submit(() -> {
                    while (running.get()) {
                        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/volunteers/" + v + "/activities"))
                                .timeout(Duration.ofSeconds(60)).header("Authorization", auth)
                                .header("Content-Type", "application/json").header("Accept", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"date\":\"" + today + "\",\"minutes\":15,\"category\":\"OTHER\"}")).build();
                        try {
                            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                            statuses.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                            if (r.statusCode() == 201) {
                                Matcher m = ACTIVITY_ID.matcher(r.body());
                                if (m.find()) {
                                    acknowledged.add(m.group(1));
                                } else {
                                    faults.add("201 without an activity id: " + r.body());
                                }
                                if (restarted.get()) {
                                    acceptedAfterRestart.incrementAndGet();
                                }
                            } else if (r.statusCode() == 503) {
                                if (!r.headers().firstValue("Retry-After").isPresent()) {
                                    faults.add("503 without Retry-After");
                                }
                            } else {
                                faults.add(r.statusCode() + ": " + r.body());
                            }
                            if (r.body().contains("Exception") || r.body().contains("at org.") || r.body().contains("SQLState")) {
                                faults.add("internals in the answer: " + r.body());
                            }
                            if (r.statusCode() == 503) {
                                Thread.sleep(200); // a polite client waits (shortened from Retry-After)
                            }
                        } catch (InterruptedException e) {
                            return;
                        } catch (IOException e) {
                            faults.add("no answer: " + e);
                        }
                    }
                });
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 40);
            int beforeOutage = acknowledged.size();

            pg.close(); // PostgreSQL stops (fast shutdown: open connections are cut)
            outageStarted = System.nanoTime();
            Thread.sleep(OUTAGE.toMillis());
            int duringOutage = acknowledged.size() - beforeOutage;
            pg = startPostgres(pgData, pgPort);
            long back = System.nanoTime();
            restarted.set(true);
            await().atMost(Duration.ofSeconds(120)).until(() -> acceptedAfterRestart.get() >= 40);
            recoveredAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - back);
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(90, TimeUnit.SECONDS)).isTrue();

            System.out.printf("DatabaseRestartTest: %d activities answered 201 (%d before the outage, %d while PostgreSQL was down "
                            + "(committed before it stopped), %d after), statuses %s, outage %d s, first 40 accepted %d ms after PostgreSQL was back%n",
                    acknowledged.size(), beforeOutage, duringOutage, acceptedAfterRestart.get(), statuses,
                    TimeUnit.NANOSECONDS.toSeconds(back - outageStarted), recoveredAfterMillis);
            assertThat(faults).as("answers other than 201 and 503 with Retry-After").isEmpty();
            assertThat(statuses.keySet()).containsOnly(201, 503);
            assertThat(statuses.get(503)).as("the outage was noticed").isNotNull();

            JdbcTemplate db = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", "postgres"));
            List<String> payloads = db.queryForList(
                    "select convert_from(payload, 'UTF8') from domain_event_entry where payload_type like '%ActivityLoggedEvent'", String.class);
            Map<String, Integer> stored = new ConcurrentHashMap<>();
            for (String payload : payloads) {
                Matcher m = ACTIVITY_ID.matcher(payload);
                assertThat(m.find()).isTrue();
                stored.merge(m.group(1), 1, Integer::sum);
            }
            assertThat(acknowledged).allSatisfy(id -> assertThat(stored).as("acknowledged activity " + id).containsEntry(id, 1));
            assertThat(stored.values()).as("no activity stored twice").allMatch(n -> n == 1);

            // the read models converge to the events: one row per logged activity, the minutes summed
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                assertThat(db.queryForObject("select count(*) from activity_view where centre_id = '05315'", Long.class))
                        .isEqualTo((long) stored.size());
                assertThat(db.queryForObject("select coalesce(sum(minutes), 0) from centre_activity_stats where centre_id = '05315'", Long.class))
                        .isEqualTo(15L * stored.size());
            });
            ReadModels.awaitCaughtUp(api);
            assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        } finally {
            app.close();
            pg.close();
        }
    }

    private static EmbeddedPostgres startPostgres(Path dataDir, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on").start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
