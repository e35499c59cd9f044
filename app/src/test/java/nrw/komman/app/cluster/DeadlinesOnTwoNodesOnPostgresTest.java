package nrw.komman.app.cluster;

import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import nrw.komman.app.KommAnApplication;
import nrw.komman.app.support.EmbeddedPostgresServer;
import nrw.komman.app.support.ShiftableClock;
import nrw.komman.app.support.TestAccounts;
import nrw.komman.command.grant.GrantDatesBackfill;
import nrw.komman.kernel.audit.ChainVerification;
import nrw.komman.kernel.audit.VerifyGrantChainQuery;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.grant.ApplyForGrantCommand;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.ProgrammePart;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19: two nodes of the application on one PostgreSQL, both running the scheduler. Grants are applied for on both
 * nodes with the application's clock set eight weeks back, so their review date (six weeks after the application) has
 * passed for real and db-scheduler fires it at once. Each date fires on exactly one node, its fact is recorded once,
 * nothing stays in the scheduler's table, and the grants' hash chains verify with the platform's facts in them.
 */
class DeadlinesOnTwoNodesOnPostgresTest {

    private static final int GRANTS = 6;
    private static final Actor KOELN = Actor.coordinator("koeln.koordination", new CentreId("05315"));

    @Test
    void a_date_that_has_passed_fires_once_on_one_of_two_nodes_and_its_fact_is_recorded_once() {
        String url = EmbeddedPostgresServer.newDatabaseUrl();
        try (ConfigurableApplicationContext a = start(url); ConfigurableApplicationContext b = start(url)) {
            JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
            // the backfill (V45) runs once on a new database, finds no grant, and is gone
            await().atMost(Duration.ofSeconds(30)).until(() -> count(jdbc,
                    "select count(*) from scheduled_tasks where task_name = ?", GrantDatesBackfill.TASK) == 0);

            int year = LocalDate.now(ZoneId.of("Europe/Berlin")).getYear() + 1;
            List<String> grants = new ArrayList<>();
            for (int i = 0; i < GRANTS; i++) {
                ConfigurableApplicationContext node = i % 2 == 0 ? a : b;
                ShiftableClock clock = node.getBean(ShiftableClock.class);
                clock.shift(Duration.ofDays(-56)); // applied eight weeks ago: the review was due two weeks ago
                GrantId grant = GrantId.random();
                node.getBean(CommandGateway.class).sendAndWait(new ApplyForGrantCommand(grant, KOELN.centre(), year,
                                ProgrammePart.PART_II_B, "Treffpunkt " + i, "Zweck", Money.parse("5000.00")),
                        MetaData.from(KOELN.toMetaData()));
                clock.reset();
                grants.add(grant.toString());
            }

            String inGrants = String.join(",", grants.stream().map(g -> "'" + g + "'").toList());
            String overdue = "select count(*) from domain_event_entry where payload_type like '%ReviewOverdueEvent' "
                    + "and aggregate_identifier in (" + inGrants + ")";
            await().atMost(Duration.ofSeconds(60)).until(() -> count(jdbc, overdue) == GRANTS);
            // and it stays so: no node fires a date a second time
            await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(20)).until(() -> count(jdbc, overdue) == GRANTS);

            int onA = a.getBean(FiredDeadlines.class).count();
            int onB = b.getBean(FiredDeadlines.class).count();
            assertThat(onA + onB).as("each date fired once, on one of the nodes").isEqualTo(GRANTS);
            assertThat(count(jdbc, "select count(*) from scheduled_tasks where task_name = ?", "AxonDeadline"))
                    .as("nothing left to fire").isZero();

            QueryGateway queries = b.getBean(QueryGateway.class);
            Actor auditor = Actor.of(TestAccounts.AUDITOR.username(), AccountRole.AUDITOR);
            for (String grant : grants) {
                ChainVerification chain = queries.query(new GenericMessage<>(new VerifyGrantChainQuery(GrantId.parse(grant), null, null),
                        MetaData.from(auditor.toMetaData())), ChainVerification.class).join();
                assertThat(chain.verified()).as("the chain of " + grant).isTrue();
                assertThat(chain.length()).as("applied, review overdue").isEqualTo(2);
            }
            List<String> recordedBy = jdbc.queryForList("select meta_data from domain_event_entry where payload_type like "
                    + "'%ReviewOverdueEvent' and aggregate_identifier in (" + inGrants + ")", byte[].class).stream()
                    .map(bytes -> new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).toList();
            assertThat(recordedBy).allSatisfy(metaData -> assertThat(metaData)
                    .contains("\"actorAccount\":\"system\"").contains("\"actorRole\":\"SYSTEM\"").doesNotContain("actorCentre"));

            List<Long> delays = jdbc.query("""
                    select a.time_stamp as applied, o.time_stamp as recorded from domain_event_entry a
                      join domain_event_entry o on o.aggregate_identifier = a.aggregate_identifier
                     where a.payload_type like '%GrantAppliedEvent' and o.payload_type like '%ReviewOverdueEvent'
                       and a.aggregate_identifier in (""" + inGrants + ")",
                    (rs, n) -> Duration.between(java.time.Instant.parse(rs.getString("applied")),
                            java.time.Instant.parse(rs.getString("recorded"))).toMillis());
            delays.sort(Long::compare);
            System.out.printf("DeadlinesOnTwoNodes: %d dates passed, fired %d times on node A and %d on node B, %d facts; "
                            + "from the application's commit to its fact: median %d ms, max %d ms%n",
                    GRANTS, onA, onB, count(jdbc, overdue), delays.get(delays.size() / 2), delays.get(delays.size() - 1));
        }
    }

    private static long count(JdbcTemplate jdbc, String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(KommAnApplication.class, ShiftableClock.Config.class, Counting.class)
                .run("--spring.profiles.active=postgres,test", "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                        "--server.port=0", "--komman.admin.password=" + TestAccounts.ADMIN_PASSWORD);
    }

    @Configuration(proxyBeanMethods = false)
    static class Counting {

        @Bean
        FiredDeadlines firedDeadlines() {
            return new FiredDeadlines();
        }
    }

    /** Counts the deadlines this node's scheduler carried out. */
    static final class FiredDeadlines extends AbstractSchedulerListener {

        private final AtomicInteger fired = new AtomicInteger();

        @Override
        public void onExecutionComplete(ExecutionComplete complete) {
            if ("AxonDeadline".equals(complete.getExecution().taskInstance.getTaskName())
                    && complete.getResult() == ExecutionComplete.Result.OK) {
                fired.incrementAndGet();
            }
        }

        int count() {
            return fired.get();
        }
    }
}
