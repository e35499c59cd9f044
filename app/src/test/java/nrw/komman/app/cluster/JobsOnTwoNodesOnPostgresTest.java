package nrw.komman.app.cluster;

import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import nrw.komman.app.KommAnApplication;
import nrw.komman.app.support.EmbeddedPostgresServer;
import nrw.komman.app.support.TestAccounts;
import nrw.komman.command.privacy.RetentionSchedule;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.report.RequestAnnualReportCommand;
import nrw.komman.query.report.ReportJobTask;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ADR 39: the recurring and the one-time jobs on two nodes over one PostgreSQL, both running the scheduler. The
 * retention run, here every two seconds, runs each planned time on one node only and is recorded once per planned time;
 * a background report requested on one node is computed once, by one of the nodes, and is there for both.
 */
class JobsOnTwoNodesOnPostgresTest {

    private static final ZoneId NRW = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter PLANNED = DateTimeFormatter.ofPattern("HHmmss");

    @Test
    void each_planned_retention_run_runs_on_one_node_and_a_report_requested_on_one_node_is_computed_once() {
        String url = EmbeddedPostgresServer.newDatabaseUrl();
        try (ConfigurableApplicationContext a = start(url); ConfigurableApplicationContext b = start(url)) {
            JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
            Executions onA = a.getBean(Executions.class);
            Executions onB = b.getBean(Executions.class);

            await().atMost(Duration.ofSeconds(60)).until(() -> onA.retentionRuns().size() + onB.retentionRuns().size() >= 6);

            Set<Instant> plannedOnA = onA.retentionRuns();
            Set<Instant> plannedOnB = onB.retentionRuns();
            Set<Instant> both = new HashSet<>(plannedOnA);
            both.retainAll(plannedOnB);
            assertThat(both).as("no planned time ran on both nodes").isEmpty();
            Set<String> executed = new HashSet<>();
            plannedOnA.forEach(t -> executed.add(runId(t)));
            plannedOnB.forEach(t -> executed.add(runId(t)));
            List<String> recorded = jdbc.queryForList(
                    "select aggregate_identifier from domain_event_entry where type = 'RetentionRun'", String.class);
            assertThat(recorded).as("one record per run").doesNotHaveDuplicates();
            assertThat(recorded).as("every execution that completed is recorded").containsAll(executed);
            System.out.printf("JobsOnTwoNodes: %d planned retention runs, %d on node A, %d on node B, %d recorded%n",
                    executed.size(), plannedOnA.size(), plannedOnB.size(), recorded.size());

            String jobId = UUID.randomUUID().toString();
            Actor ministry = Actor.of(TestAccounts.MINISTRY.username(), AccountRole.MINISTRY);
            int year = LocalDate.now(NRW).getYear();
            a.getBean(CommandGateway.class).sendAndWait(GenericCommandMessage.asCommandMessage(
                    new RequestAnnualReportCommand(jobId, year, LocalDate.of(year, 12, 31), Instant.now(), null))
                    .withMetaData(MetaData.from(ministry.toMetaData())));
            await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(jdbc.queryForObject(
                    "select status from report_job where job_id = ?", String.class, jobId)));
            assertThat(onA.reports(jobId) + onB.reports(jobId)).as("computed once, on one node").isEqualTo(1);
            assertThat(b.getBean(JdbcTemplate.class).queryForObject("select checksum from report_job where job_id = ?",
                    String.class, jobId)).as("there for the other node").isNotBlank();
            assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = ?", Integer.class,
                    ReportJobTask.TASK)).as("nothing left to run").isZero();
        }
    }

    /** The run id the platform gives the run planned at {@code planned} (command.privacy.RetentionSchedule). */
    private static String runId(Instant planned) {
        return planned.atZone(NRW).toLocalDate() + "-scheduled" + PLANNED.format(planned.atZone(NRW));
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(KommAnApplication.class, Counting.class)
                .run("--spring.profiles.active=postgres,test", "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                        "--server.port=0", "--komman.admin.password=" + TestAccounts.ADMIN_PASSWORD,
                        "--db-scheduler.polling-interval=500ms", "--komman.retention.schedule=*/2 * * * * *");
    }

    @Configuration(proxyBeanMethods = false)
    static class Counting {

        @Bean
        Executions executions() {
            return new Executions();
        }
    }

    /** What this node's scheduler carried out: the planned times of the retention runs, the reports by job. */
    static final class Executions extends AbstractSchedulerListener {

        private final Set<Instant> retentionRuns = ConcurrentHashMap.newKeySet();
        private final ConcurrentHashMap<String, Integer> reports = new ConcurrentHashMap<>();

        @Override
        public void onExecutionComplete(ExecutionComplete complete) {
            if (complete.getResult() != ExecutionComplete.Result.OK) {
                return;
            }
            String task = complete.getExecution().taskInstance.getTaskName();
            if (RetentionSchedule.TASK.equals(task)) {
                retentionRuns.add(complete.getExecution().executionTime);
            } else if (ReportJobTask.TASK.equals(task)) {
                reports.merge(complete.getExecution().taskInstance.getId(), 1, Integer::sum);
            }
        }

        Set<Instant> retentionRuns() {
            return Set.copyOf(retentionRuns);
        }

        int reports(String jobId) {
            return reports.getOrDefault(jobId, 0);
        }
    }
}
