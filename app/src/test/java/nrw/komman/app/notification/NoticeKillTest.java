package nrw.komman.app.notification;

import nrw.komman.app.KommAnApplication;
import nrw.komman.app.support.Api;
import nrw.komman.app.support.EmbeddedPostgresServer;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static nrw.komman.app.support.Requests.grant;
import static nrw.komman.app.support.Requests.with;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static nrw.komman.app.support.TestAccounts.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code kill -9} between the outbox and the e-mail: the application (its own JVM, on a durable PostgreSQL) writes
 * notices and their e-mails while the SMTP server is not there yet (the attempts fail and are retried), is killed,
 * and started again once the server is up. Every e-mail arrives after the restart under the Message-ID fixed before
 * the kill; a copy whose send was cut off before its SENT was stored would arrive again with that same Message-ID
 * (at least once), and the test prints how many did.
 */
class NoticeKillTest {

    private static final int NOTICES = 10;

    @Test
    void e_mails_written_before_a_kill_arrive_after_the_restart_once_or_with_the_same_message_id(@TempDir Path dataDir) throws Exception {
        String pgUrl = EmbeddedPostgresServer.newDatabaseUrl();
        Mailbox mailbox = new Mailbox(); // not started: connections to its port are refused
        String officerAddress = "bezreg.kill@behoerde.example";
        int port = freePort();
        Process app = start(dataDir, port, pgUrl, mailbox.port());
        try {
            Api api = new Api(port);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> app.isAlive() && healthy(port));
            TestAccounts.createAll(api);
            try (Connection c = DriverManager.getConnection(pgUrl, "postgres", "postgres");
                 PreparedStatement s = c.prepareStatement("update account set email = ? where username = ?")) {
                s.setString(1, officerAddress);
                s.setString(2, OFFICER.username());
                assertThat(s.executeUpdate()).isEqualTo(1);
            }
            int year = LocalDate.now(ZoneId.of("Europe/Berlin")).getYear();
            for (int i = 0; i < NOTICES; i++) {
                assertThat(api.post("/api/grants", with(grant(year, "1000.00"), "title", "Kill " + i), KOELN).status()).isEqualTo(201);
            }
            // every e-mail written and tried at least once, none sent: the SMTP server is not there
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> single(pgUrl, "select count(*) from notice_email where recipient = '" + OFFICER.username()
                            + "' and attempts >= 1 and status = 'PENDING'") == NOTICES);
            app.destroyForcibly(); // SIGKILL
            assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            app.destroyForcibly();
        }
        List<String> written = messageIds(pgUrl);
        assertThat(written).hasSize(NOTICES);

        mailbox.start();
        Process again = start(dataDir, port, pgUrl, mailbox.port());
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> again.isAlive() && healthy(port));
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                    .until(() -> single(pgUrl, "select count(*) from notice_email where recipient = '" + OFFICER.username()
                            + "' and status = 'SENT'") == NOTICES);
            Thread.sleep(3_000); // a copy sent twice would arrive now
            again.destroy();
            assertThat(again.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            again.destroyForcibly();
        }
        List<Mailbox.Mail> received = mailbox.receivedBy(officerAddress);
        mailbox.stop();
        Set<String> ids = new HashSet<>();
        received.forEach(m -> ids.add(m.messageId()));
        System.out.printf("NoticeKillTest: %d e-mails written before the kill, %d received after the restart, %d distinct "
                + "Message-IDs, %d duplicates (sent again with the same Message-ID)%n", written.size(), received.size(), ids.size(),
                received.size() - ids.size());
        assertThat(ids).as("every e-mail arrived, under the Message-ID fixed before the kill").containsExactlyInAnyOrderElementsOf(written);
    }

    private static Process start(Path dataDir, int port, String pgUrl, int smtpPort) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                KommAnApplication.class.getName(), "--komman.data-dir=" + dataDir, "--server.port=" + port,
                "--komman.admin.password=" + TestAccounts.ADMIN_PASSWORD, "--logging.level.root=WARN",
                "--spring.profiles.active=postgres,test", "--spring.datasource.url=" + pgUrl,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
                "--spring.mail.properties.mail.smtp.connectiontimeout=2000",
                // retried every second, held for 3 s while being sent; the scheduler polls every 500 ms and takes over
                // the task of a killed node after a few seconds without its heartbeat
                "--komman.mail.first-retry=1s", "--komman.mail.retry-factor=1", "--komman.mail.max-attempts=1000",
                "--komman.mail.claim=3s", "--komman.notices.every=500ms", "--db-scheduler.polling-interval=500ms",
                "--db-scheduler.heartbeat-interval=1s"));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("app.log").toFile()))
                .start();
    }

    private static List<String> messageIds(String pgUrl) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(pgUrl, "postgres", "postgres");
             PreparedStatement s = c.prepareStatement("select message_id from notice_email where recipient = ?")) {
            s.setString(1, OFFICER.username());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private static long single(String pgUrl, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(pgUrl, "postgres", "postgres");
             PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
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
