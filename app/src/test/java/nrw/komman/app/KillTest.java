package nrw.komman.app;

import nrw.komman.app.support.Api;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.Test;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static nrw.komman.app.support.Requests.activity;
import static nrw.komman.app.support.Requests.volunteer;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded default under {@code kill -9}: the application runs in its own JVM on an H2 file
 * database, four clients log activities, the process is killed in the middle of it, and every
 * activity that had been answered 201 is in the event store afterwards (H2's write delay is 0).
 */
class KillTest {

    @Test
    void every_acknowledged_command_survives_a_kill_of_the_process(@TempDir Path dataDir) throws Exception {
        int port = freePort();
        Process app = start(dataDir, port);
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        try {
            Api api = new Api(port);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
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
                            Api.Response r = api.post("/api/volunteers/" + v + "/activities", activity(today, 30, "OTHER"), KOELN);
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

        Set<String> stored = loggedActivityPayloads(dataDir);
        List<String> lost = acknowledged.stream().filter(id -> stored.stream().noneMatch(p -> p.contains(id))).toList();
        System.out.println("KillTest: " + acknowledged.size() + " activities acknowledged before the kill, "
                + stored.size() + " in the event store, " + lost.size() + " lost");
        assertThat(lost).as("acknowledged but lost").isEmpty();
    }

    private static Process start(Path dataDir, int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                KommAnApplication.class.getName(), "--komman.data-dir=" + dataDir, "--server.port=" + port,
                "--komman.admin.password=" + TestAccounts.ADMIN_PASSWORD, "--logging.level.root=WARN")
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("app.log").toFile())
                .start();
    }

    private static boolean healthy(int port) {
        try {
            return new Api(port).get("/actuator/health", null).status() == 200;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    private static Set<String> loggedActivityPayloads(Path dataDir) throws Exception {
        Set<String> payloads = new HashSet<>();
        String url = "jdbc:h2:file:" + dataDir.resolve("komman") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select payload from domain_event_entry where payload_type like '%ActivityLoggedEvent'")) {
            while (rs.next()) {
                payloads.add(new String(rs.getBytes(1), StandardCharsets.UTF_8));
            }
        }
        return payloads;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
