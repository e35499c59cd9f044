package nrw.komman.app;

import nrw.komman.app.support.Api;
import nrw.komman.app.support.ReadModels;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static nrw.komman.app.support.Requests.activity;
import static nrw.komman.app.support.Requests.volunteer;
import static nrw.komman.app.support.TestAccounts.ADMIN;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A graceful stop (SIGTERM) of the embedded default while clients write and the event processors replay a rebuild:
 * the processors stop before the connection pool and the H2 database close (ADR 25), so the log has no
 * "Database is already closed" and no ERROR, and every acknowledged write is in the database afterwards.
 */
class ShutdownOrderTest {

    @Test
    void a_graceful_stop_stops_the_processors_before_the_database_closes(@TempDir Path dataDir) throws Exception {
        int port = freePort();
        Path log = dataDir.resolve("app.log");
        Process app = start(dataDir, port, log);
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        try {
            Api api = new Api(port);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> app.isAlive() && healthy(port));
            TestAccounts.createAll(api);
            List<String> volunteers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                volunteers.add(api.post("/api/centres/05315/volunteers",
                        volunteer("Person " + i, "stop" + i + "@example.org"), KOELN).text("volunteerId"));
            }
            LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
            for (int i = 0; i < 150; i++) { // events enough that a rebuild takes a while
                assertThat(api.post("/api/volunteers/" + volunteers.get(i % 4) + "/activities", activity(today, 15, "OTHER"), KOELN).status())
                        .isEqualTo(201);
            }
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(4);
            for (String v : volunteers) {
                clients.submit(() -> {
                    while (running.get()) {
                        try {
                            Api.Response r = api.post("/api/volunteers/" + v + "/activities", activity(today, 15, "OTHER"), KOELN);
                            if (r.status() == 201) {
                                acknowledged.add(r.text("activityId"));
                            }
                        } catch (RuntimeException connectionClosed) {
                            return;
                        }
                    }
                });
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 20);
            assertThat(api.post("/api/admin/read-models/rebuild", "{}", ADMIN).status()).isEqualTo(202);
            Thread.sleep(300); // the rebuild's replay and the live processors are at work

            app.destroy(); // SIGTERM: Spring's graceful shutdown
            assertThat(app.waitFor(90, TimeUnit.SECONDS)).as("stopped within 90 s").isTrue();
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            app.destroyForcibly();
        }

        String output = Files.readString(log, StandardCharsets.UTF_8);
        List<String> errors = output.lines().filter(l -> l.contains(" ERROR ") || l.contains("\"ERROR\"")).toList();
        System.out.printf("ShutdownOrderTest: %d activities acknowledged while running, %d lines of output, %d ERROR lines, "
                + "%d mentions of a closed database%n", acknowledged.size(), output.lines().count(), errors.size(),
                count(output, "already closed"));
        String excerpt = output.lines().filter(l -> l.contains("ERROR") || l.contains("closed") || l.startsWith("Caused by"))
                .limit(40).collect(java.util.stream.Collectors.joining("\n"));
        assertThat(output).as(excerpt).doesNotContain("Database is already closed").doesNotContain("already closed");
        assertThat(errors).as(excerpt).isEmpty();
        assertThat(output).contains("Graceful shutdown complete");

        // the data is intact: the file opens, and every write that was answered is there
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("komman")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select payload from domain_event_entry where payload_type like '%ActivityLoggedEvent'")) {
            List<String> payloads = new ArrayList<>();
            while (rs.next()) {
                payloads.add(new String(rs.getBytes(1), StandardCharsets.UTF_8));
            }
            List<String> lost = acknowledged.stream().filter(id -> payloads.stream().noneMatch(p -> p.contains(id))).toList();
            assertThat(lost).as("acknowledged but lost").isEmpty();
            assertThat(payloads).hasSizeGreaterThanOrEqualTo(150 + acknowledged.size());
        }
        // and it starts again on the same files and catches up
        Process again = start(dataDir, port, dataDir.resolve("again.log"));
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> again.isAlive() && healthy(port));
            ReadModels.awaitCaughtUp(new Api(port));
        } finally {
            again.destroy();
            again.waitFor(60, TimeUnit.SECONDS);
            again.destroyForcibly();
        }
    }

    private static long count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1L;
    }

    private static Process start(Path dataDir, int port, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                KommAnApplication.class.getName(), "--komman.data-dir=" + dataDir, "--server.port=" + port,
                "--komman.admin.password=" + TestAccounts.ADMIN_PASSWORD));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private static boolean healthy(int port) {
        try {
            return new Api(port).get("/actuator/health", null).status() == 200;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
