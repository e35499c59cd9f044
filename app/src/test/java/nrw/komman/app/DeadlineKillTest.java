package nrw.komman.app;

import nrw.komman.app.support.Api;
import nrw.komman.app.support.EmbeddedPostgresServer;
import nrw.komman.app.support.ShiftedClockApplication;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static nrw.komman.app.support.Requests.grant;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19, a deadline under {@code kill -9}, on a durable PostgreSQL: the application runs in its own JVM with its
 * scheduler off ({@code komman.scheduler.enabled=false}) and its clock eight weeks back, a centre applies for a grant
 * (the review date, six weeks later, has passed for real), the deadline is written with the application and does not
 * fire; the process is killed; started again with the scheduler on, the date fires and its fact is recorded, once.
 */
class DeadlineKillTest {

    @Test
    void a_deadline_written_before_a_kill_fires_after_the_restart_once(@TempDir Path dataDir) throws Exception {
        String pgUrl = EmbeddedPostgresServer.newDatabaseUrl();
        int port = freePort();
        String grantId;
        Process app = start(dataDir, port, pgUrl, false, "-56d");
        try {
            Api api = new Api(port);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> app.isAlive() && healthy(port));
            TestAccounts.createAll(api);
            int year = LocalDate.now(ZoneId.of("Europe/Berlin")).getYear() + 1;
            Api.Response applied = api.post("/api/grants", grant(year, "5000.00"), KOELN);
            assertThat(applied.status()).isEqualTo(201);
            grantId = applied.text("grantId");
            // written with the application, due, and left alone while the scheduler is off (it polls every 5 s)
            String id = grantId;
            await().during(Duration.ofSeconds(7)).atMost(Duration.ofSeconds(20)).until(() ->
                    waitingDeadlines(pgUrl) == 1 && facts(pgUrl, id) == 0);
            app.destroyForcibly(); // SIGKILL: no shutdown hook, nothing flushed
            assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            app.destroyForcibly();
        }
        assertThat(waitingDeadlines(pgUrl)).as("the deadline survived the kill").isEqualTo(1);

        long restarted = System.nanoTime();
        Process again = start(dataDir, port, pgUrl, true, "0s");
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> again.isAlive() && healthy(port));
            long ready = System.nanoTime();
            String id = grantId;
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> facts(pgUrl, id) == 1);
            long recorded = System.nanoTime();
            await().during(Duration.ofSeconds(7)).atMost(Duration.ofSeconds(20)).until(() -> facts(pgUrl, id) == 1);
            assertThat(waitingDeadlines(pgUrl)).as("nothing left to fire").isZero();
            System.out.printf("DeadlineKillTest: the deadline written before the kill fired after the restart %d ms after the "
                            + "node was ready (%d ms after its start); facts recorded: %d%n", (recorded - ready) / 1_000_000,
                    (recorded - restarted) / 1_000_000, facts(pgUrl, id));
            again.destroy(); // SIGTERM: graceful
            assertThat(again.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            again.destroyForcibly();
        }
    }

    private static Process start(Path dataDir, int port, String pgUrl, boolean scheduler, String clockShift) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                ShiftedClockApplication.class.getName(), "--komman.data-dir=" + dataDir, "--server.port=" + port,
                "--komman.admin.password=" + TestAccounts.ADMIN_PASSWORD, "--logging.level.root=WARN",
                "--komman.scheduler.enabled=" + scheduler, "--komman.test.clock-shift=" + clockShift,
                "--spring.profiles.active=postgres,test", "--spring.datasource.url=" + pgUrl,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres"));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("app.log").toFile()))
                .start();
    }

    /** Axon's deadlines waiting in the scheduler's table, not picked by any node. */
    private static long waitingDeadlines(String pgUrl) throws Exception {
        return single(pgUrl, "select count(*) from scheduled_tasks where task_name = 'AxonDeadline' and picked = false", null);
    }

    private static long facts(String pgUrl, String grantId) throws Exception {
        return single(pgUrl, "select count(*) from domain_event_entry where payload_type like '%ReviewOverdueEvent' "
                + "and aggregate_identifier = ?", grantId);
    }

    private static long single(String pgUrl, String sql, String parameter) throws Exception {
        try (Connection c = DriverManager.getConnection(pgUrl, "postgres", "postgres"); PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter != null) {
                s.setString(1, parameter);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
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
