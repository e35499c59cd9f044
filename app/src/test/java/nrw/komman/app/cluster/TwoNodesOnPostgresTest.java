package nrw.komman.app.cluster;

import nrw.komman.app.KommAnApplication;
import nrw.komman.app.support.Api;
import nrw.komman.app.support.EmbeddedPostgresServer;
import nrw.komman.app.support.ReadModels;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static nrw.komman.app.support.Requests.activity;
import static nrw.komman.app.support.Requests.grant;
import static nrw.komman.app.support.Requests.with;
import static nrw.komman.app.support.Requests.volunteer;
import static nrw.komman.app.support.TestAccounts.DUESSELDORF;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static nrw.komman.app.support.TestAccounts.MINISTRY;
import static nrw.komman.app.support.TestAccounts.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes of the same application on one PostgreSQL, both caching aggregates: commands for the
 * same volunteer arrive at both at once. A node whose cached copy is stale loses the append race,
 * and its gateway retries the command transparently: every request is answered 201, the volunteer's
 * events have no gap and no duplicate, and whichever node answers the next read shows the write. A
 * node never refuses a command on a cached state that another node has changed since.
 */
class TwoNodesOnPostgresTest {

    private static final int PER_CLIENT = 15;

    @Test
    void commands_for_one_aggregate_on_two_caching_nodes_all_succeed_and_nothing_is_lost() throws Exception {
        String url = EmbeddedPostgresServer.newDatabaseUrl();
        try (ConfigurableApplicationContext a = start(url); ConfigurableApplicationContext b = start(url)) {
            Api nodeA = api(a);
            Api nodeB = api(b);
            TestAccounts.createAll(nodeA);
            String v = nodeA.post("/api/centres/05315/volunteers", volunteer("Zwei Knoten", "zwei.knoten." + UUID.randomUUID() + "@example.org"),
                    KOELN).text("volunteerId");
            // both nodes have the volunteer in their cache before the race
            LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
            assertThat(nodeA.post("/api/volunteers/" + v + "/activities", activity(today, 10, "EDUCATION"), KOELN).status()).isEqualTo(201);
            assertThat(nodeB.post("/api/volunteers/" + v + "/activities", activity(today, 10, "EDUCATION"), KOELN).status()).isEqualTo(201);

            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<List<Integer>>> answers = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                Api node = c % 2 == 0 ? nodeA : nodeB;
                answers.add(clients.submit(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < PER_CLIENT; i++) {
                        statuses.add(node.post("/api/volunteers/" + v + "/activities", activity(today.minusDays(i), 20, "OTHER"), KOELN).status());
                    }
                    return statuses;
                }));
            }
            clients.shutdown();
            for (Future<List<Integer>> answer : answers) {
                assertThat(answer.get(120, TimeUnit.SECONDS)).as("answers of one client").containsOnly(201);
            }
            int logged = 2 + 4 * PER_CLIENT;

            JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
            List<Long> sequence = jdbc.queryForList(
                    "select sequence_number from domain_event_entry where aggregate_identifier = ? order by sequence_number", Long.class, v);
            assertThat(sequence).as("registration and every activity, each sequence number once").hasSize(1 + logged);
            for (int i = 0; i < sequence.size(); i++) {
                assertThat(sequence.get(i)).isEqualTo(i);
            }
            // read-your-writes across nodes: a write on one node is in the next read on the other
            assertThat(nodeB.post("/api/volunteers/" + v + "/activities", activity(today, 30, "CHILDCARE"), KOELN).status()).isEqualTo(201);
            assertThat(nodeA.get("/api/centres/05315/activities?volunteerId=" + v, KOELN).json().path("totalItems").asInt())
                    .isEqualTo(logged + 1);
            assertThat(nodeA.post("/api/volunteers/" + v + "/activities", activity(today, 30, "CHILDCARE"), KOELN).status()).isEqualTo(201);
            assertThat(nodeB.get("/api/centres/05315/activities?volunteerId=" + v, KOELN).json().path("totalItems").asInt())
                    .isEqualTo(logged + 2);
            // a refusal is never decided on a stale cached copy: B has the volunteer cached as inactive, A reactivates
            assertThat(nodeB.post("/api/volunteers/" + v + "/deactivation", java.util.Map.of(), KOELN).status()).isEqualTo(204);
            assertThat(nodeB.post("/api/volunteers/" + v + "/activities", activity(today, 30, "CHILDCARE"), KOELN).status())
                    .as("inactive: refused").isEqualTo(409);
            assertThat(nodeA.post("/api/volunteers/" + v + "/reactivation", java.util.Map.of(), KOELN).status()).isEqualTo(204);
            assertThat(nodeB.post("/api/volunteers/" + v + "/activities", activity(today, 30, "CHILDCARE"), KOELN).status())
                    .as("active again, though node B had cached it inactive").isEqualTo(201);
            ReadModels.awaitCaughtUp(nodeA);
            assertThat(nodeB.get("/api/volunteers/" + v, KOELN).json().path("minutesThisYear").asLong())
                    .as("the figures count every activity once")
                    .isEqualTo(jdbc.queryForObject("""
                            select coalesce(sum(minutes), 0) from activity_view
                             where volunteer_id = ? and activity_date >= ? and withdrawn = false""", Long.class, v,
                            LocalDate.of(today.getYear(), 1, 1)));
        }
    }

    /**
     * The set-based rules across nodes: approvals of one budget fired at both nodes at once never take
     * the approved total above the budget (the ledger lives in the shared database, checked in the
     * command's transaction), and one e-mail address registered at both nodes at once is taken once.
     */
    @Test
    void racing_approvals_and_registrations_on_two_nodes_keep_every_rule() throws Exception {
        String url = EmbeddedPostgresServer.newDatabaseUrl();
        try (ConfigurableApplicationContext a = start(url); ConfigurableApplicationContext b = start(url)) {
            Api nodeA = api(a);
            Api nodeB = api(b);
            TestAccounts.createAll(nodeA);
            int year = LocalDate.now(ZoneId.of("Europe/Berlin")).getYear() + 1;
            assertThat(nodeA.put("/api/budgets/" + year + "/PART_III", java.util.Map.of("amount", "50000.00"), MINISTRY).status())
                    .isEqualTo(204);
            // 12 grants of 6.000 €: 72.000 € asked for, 50.000 € available, exactly 8 fit
            List<String> grants = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Api node = i % 2 == 0 ? nodeA : nodeB;
                String id = node.post("/api/grants", with(grant(year, "6000.00"), "programmePart", "PART_III"), i % 4 < 2 ? KOELN : DUESSELDORF)
                        .text("grantId");
                assertThat(node.post("/api/grants/" + id + "/review", java.util.Map.of("recommendation", "APPROVE", "note", "ok"), OFFICER)
                        .status()).isEqualTo(204);
                grants.add(id);
            }
            String email = "zwei.knoten." + UUID.randomUUID() + "@example.org";
            ExecutorService pool = Executors.newFixedThreadPool(grants.size() + 6);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> approvals = new ArrayList<>();
            for (int i = 0; i < grants.size(); i++) {
                Api node = i % 2 == 0 ? nodeB : nodeA; // approved on the other node than it was applied on
                String id = grants.get(i);
                approvals.add(pool.submit(() -> {
                    go.await();
                    return node.post("/api/grants/" + id + "/approval", java.util.Map.of("approvedAmount", "6000.00"), MINISTRY).status();
                }));
            }
            List<Future<Integer>> registrations = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Api node = i % 2 == 0 ? nodeA : nodeB;
                int n = i;
                registrations.add(pool.submit(() -> {
                    go.await();
                    return node.post("/api/centres/05315/volunteers", volunteer("Gleiche Adresse " + n, email), KOELN).status();
                }));
            }
            go.countDown();
            List<Integer> approvalAnswers = new ArrayList<>();
            for (Future<Integer> f : approvals) {
                approvalAnswers.add(f.get(120, TimeUnit.SECONDS));
            }
            List<Integer> registrationAnswers = new ArrayList<>();
            for (Future<Integer> f : registrations) {
                registrationAnswers.add(f.get(120, TimeUnit.SECONDS));
            }
            pool.shutdown();

            assertThat(approvalAnswers).containsOnly(204, 409);
            assertThat(approvalAnswers.stream().filter(s -> s == 204)).as("approvals that fit the budget").hasSize(8);
            assertThat(registrationAnswers).containsOnly(201, 409);
            assertThat(registrationAnswers.stream().filter(s -> s == 201)).as("one e-mail address, one volunteer").hasSize(1);

            JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
            long approvedEvents = jdbc.queryForObject(
                    "select count(*) from domain_event_entry where payload_type like '%GrantApprovedEvent' and aggregate_identifier in ("
                            + String.join(",", java.util.Collections.nCopies(grants.size(), "?")) + ")", Long.class, grants.toArray());
            assertThat(approvedEvents).as("the event store agrees with the answers").isEqualTo(8);
            ReadModels.awaitCaughtUp(nodeA);
            assertThat(nodeB.get("/api/budgets?fundingYear=" + year, MINISTRY).body()).contains("48000.00");
        }
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(KommAnApplication.class).run("--spring.profiles.active=postgres,test",
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--server.port=0", "--komman.admin.password=" + TestAccounts.ADMIN_PASSWORD);
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }
}
