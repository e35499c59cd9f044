package nrw.komman.app;

import nrw.komman.app.support.Api;
import nrw.komman.app.support.EmbeddedPostgresServer;
import nrw.komman.app.support.ReadModels;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nrw.komman.app.support.Requests.activity;
import static nrw.komman.app.support.Requests.volunteer;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node under {@code kill -9}, on the embedded default (H2 file database) and on a durable
 * PostgreSQL: the application runs in its own JVM, four clients log activities, the process is
 * killed in the middle of it, and started again on the same database. Every activity that had been
 * answered 201 is in the event store, none is stored twice, and the read models converge to what
 * the events say (one row per activity, the minutes summed per centre). H2's write delay is 0.
 */
class KillTest {

    private static final int MINUTES = 30;

    enum Database { H2, POSTGRESQL }

    @ParameterizedTest
    @EnumSource(Database.class)
    void every_acknowledged_command_survives_a_kill_of_the_process(Database database, @TempDir Path dataDir) throws Exception {
        String pgUrl = database == Database.POSTGRESQL ? EmbeddedPostgresServer.newDatabaseUrl() : null;
        int port = freePort();
        Process app = start(dataDir, port, pgUrl);
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        try {
            Api api = new Api(port);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                    .until(() -> app.isAlive() && healthy(port));
            TestAccounts.createAll(api);
            List<String> volunteers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                volunteers.add(api.post("/api/centres/05315/volunteers",
                        volunteer("Person " + i, "kill" + i + "@example.org"), KOELN).text("volunteerId"));
            }
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(4);
            LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
            for (String v : volunteers) {
                clients.submit(() -> {
                    while (running.get()) {
                        try {
                            Api.Response r = api.post("/api/volunteers/" + v + "/activities", activity(today, MINUTES, "OTHER"), KOELN);
                            if (r.status() == 201) {
                                acknowledged.add(r.text("activityId"));
                            }
                        } catch (RuntimeException connectionLost) {
                            return;
                        }
                    }
                });
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 40);
            app.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no graceful close
            app.waitFor(30, TimeUnit.SECONDS);
            running.set(false);
            clients.shutdown();
            clients.awaitTermination(30, TimeUnit.SECONDS);
        } finally {
            app.destroyForcibly();
        }

        // started again on the same database: it catches up and answers as before
        Process again = start(dataDir, port, pgUrl);
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> again.isAlive() && healthy(port));
            ReadModels.awaitCaughtUp(new Api(port));
            again.destroy(); // SIGTERM: graceful, releases the H2 file
            assertThat(again.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            again.destroyForcibly();
        }

        try (Connection c = connect(dataDir, pgUrl)) {
            Map<String, Integer> stored = loggedActivities(c);
            List<String> lost = acknowledged.stream().filter(id -> !stored.containsKey(id)).toList();
            List<String> twice = stored.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
            long rows = single(c, "select count(*) from activity_view where centre_id = '05315'");
            long minutes = single(c, "select coalesce(sum(minutes), 0) from centre_activity_stats where centre_id = '05315'");
            System.out.printf("KillTest (%s): %d activities acknowledged before the kill, %d in the event store, %d lost, %d stored twice; "
                    + "after the restart the read model holds %d rows and %d minutes%n", database, acknowledged.size(), stored.size(),
                    lost.size(), twice.size(), rows, minutes);
            assertThat(lost).as("acknowledged but lost").isEmpty();
            assertThat(twice).as("stored twice").isEmpty();
            assertThat(rows).as("read model rows = logged activities").isEqualTo(stored.size());
            assertThat(minutes).as("read model minutes = the events' minutes").isEqualTo((long) MINUTES * stored.size());
        }
    }

    private static Process start(Path dataDir, int port, String pgUrl) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                KommAnApplication.class.getName(), "--komman.data-dir=" + dataDir, "--server.port=" + port,
                "--komman.admin.password=" + TestAccounts.ADMIN_PASSWORD, "--logging.level.root=WARN"));
        if (pgUrl != null) {
            command.addAll(List.of("--spring.profiles.active=postgres,test", "--spring.datasource.url=" + pgUrl,
                    "--spring.datasource.username=postgres", "--spring.datasource.password=postgres"));
        }
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("app.log").toFile()))
                .start();
    }

    private static boolean healthy(int port) {
        try {
            return new Api(port).get("/actuator/health", null).status() == 200;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    private static Connection connect(Path dataDir, String pgUrl) throws Exception {
        if (pgUrl != null) {
            return DriverManager.getConnection(pgUrl, "postgres", "postgres");
        }
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("komman") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
    }

    /** Activity id to the number of ActivityLoggedEvents that carry it. */
    private static Map<String, Integer> loggedActivities(Connection c) throws Exception {
        Map<String, Integer> ids = new HashMap<>();
        Pattern id = Pattern.compile("\"activityId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select payload from domain_event_entry where payload_type like '%ActivityLoggedEvent'")) {
            while (rs.next()) {
                Matcher m = id.matcher(new String(rs.getBytes(1), StandardCharsets.UTF_8));
                assertThat(m.find()).isTrue();
                ids.merge(m.group(1), 1, Integer::sum);
            }
        }
        return ids;
    }

    private static long single(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
