package nrw.komman.app.notification;

import nrw.komman.app.KommAnApplication;
import nrw.komman.app.support.Api;
import nrw.komman.app.support.EmbeddedPostgresServer;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static nrw.komman.app.support.Requests.grant;
import static nrw.komman.app.support.Requests.with;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static nrw.komman.app.support.TestAccounts.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes of the application on one PostgreSQL, each with the web role and so with the delivery task of the
 * database scheduler, and a real SMTP server: 200 applications arrive at both nodes at once, each a notice for the
 * grant authority. Every notice reaches each inbox once and each e-mail is received once, with its own Message-ID;
 * prints the delay from the event to the SMTP server's receipt (p50, p99).
 */
class NoticesOnTwoNodesTest {

    private static final int NOTICES = 200;

    @Test
    void two_nodes_put_each_notice_in_each_inbox_once_and_send_each_e_mail_once() throws Exception {
        Mailbox mailbox = new Mailbox();
        mailbox.start();
        String url = EmbeddedPostgresServer.newDatabaseUrl();
        String officerAddress = "bezreg.zwei-knoten@behoerde.example";
        try (ConfigurableApplicationContext a = start(url, "node-a", mailbox.port());
             ConfigurableApplicationContext b = start(url, "node-b", mailbox.port())) {
            Api nodeA = api(a);
            Api nodeB = api(b);
            TestAccounts.createAll(nodeA);
            JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
            jdbc.update("update account set email = ? where username = ?", officerAddress, OFFICER.username());
            int year = LocalDate.now(ZoneId.of("Europe/Berlin")).getYear();

            // the SMTP server's receipts, as this test sees them appear (every 20 ms)
            Map<String, Instant> receivedAt = new ConcurrentHashMap<>();
            ExecutorService watcher = Executors.newSingleThreadExecutor();
            Future<?> watching = watcher.submit(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    Instant seen = Instant.now();
                    mailbox.receivedBy(officerAddress).forEach(m -> receivedAt.putIfAbsent(m.messageId(), seen));
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });

            ExecutorService clients = Executors.newFixedThreadPool(2);
            List<Future<List<Integer>>> answers = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                Api node = c == 0 ? nodeA : nodeB;
                int client = c;
                answers.add(clients.submit(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < NOTICES / 2; i++) {
                        statuses.add(node.post("/api/grants", with(grant(year, "1000.00"), "title", "Zwei Knoten " + client + "-" + i),
                                KOELN).status());
                    }
                    return statuses;
                }));
            }
            clients.shutdown();
            for (Future<List<Integer>> answer : answers) {
                assertThat(answer.get(180, TimeUnit.SECONDS)).containsOnly(201);
            }

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> receivedAt.size() >= NOTICES);
            Thread.sleep(3_000); // a copy sent twice would arrive now
            watching.cancel(true);
            watcher.shutdownNow();

            List<Mailbox.Mail> received = mailbox.receivedBy(officerAddress);
            Set<String> ids = new HashSet<>();
            received.forEach(m -> ids.add(m.messageId()));
            List<String> rows = jdbc.queryForList("select message_id from notice_email where recipient = ? and status = 'SENT'",
                    String.class, OFFICER.username());
            System.out.printf("NoticesOnTwoNodesTest: %d notices, %d inbox rows of the grant authority's account, %d e-mails "
                            + "received, %d distinct Message-IDs, %d duplicates%n", NOTICES,
                    count(jdbc, "select count(*) from notice_inbox where username = ?", OFFICER.username()), received.size(),
                    ids.size(), received.size() - ids.size());
            assertThat(count(jdbc, "select count(*) from notice_outbox where kind = 'GRANT_APPLIED'")).isEqualTo(NOTICES);
            assertThat(count(jdbc, "select count(*) from notice_outbox where fanned_out_at is null")).isZero();
            assertThat(count(jdbc, "select count(*) from notice_inbox where username = ?", OFFICER.username()))
                    .as("each notice once in the officer's inbox").isEqualTo(NOTICES);
            assertThat(count(jdbc, "select count(*) from notice_inbox where username = ?", KOELN.username()))
                    .as("an application is not the centre's notice").isZero();
            assertThat(received).as("each e-mail received once").hasSize(NOTICES);
            assertThat(ids).containsExactlyInAnyOrderElementsOf(rows);

            // the delay from the event (its timestamp) to the receipt at the SMTP server
            List<Long> delays = new ArrayList<>();
            for (Map<String, Object> row : jdbc.queryForList("select e.message_id, o.occurred_at from notice_email e"
                    + " join notice_outbox o on o.notice_id = e.notice_id where e.recipient = ?", OFFICER.username())) {
                Instant occurred = ((java.sql.Timestamp) row.get("occurred_at")).toInstant();
                delays.add(Duration.between(occurred, receivedAt.get((String) row.get("message_id"))).toMillis());
            }
            delays.sort(Long::compare);
            System.out.printf("NoticesOnTwoNodesTest: delivery delay from the event to the SMTP server, %d e-mails, delivery "
                            + "task every 500 ms on two nodes: p50 %d ms, p99 %d ms, max %d ms%n", delays.size(),
                    delays.get(delays.size() / 2), delays.get((int) Math.ceil(delays.size() * 0.99) - 1), delays.get(delays.size() - 1));
        } finally {
            mailbox.stop();
        }
    }

    private static long count(JdbcTemplate jdbc, String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    private static ConfigurableApplicationContext start(String url, String name, int smtpPort) {
        return new SpringApplicationBuilder(KommAnApplication.class).run("--spring.profiles.active=postgres,test",
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--server.port=0", "--komman.admin.password=" + TestAccounts.ADMIN_PASSWORD,
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
                "--komman.notices.every=500ms", "--db-scheduler.polling-interval=500ms", "--db-scheduler.scheduler-name=" + name);
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }
}
