package nrw.komman.app.privacy;

import nrw.komman.app.support.FormClient;
import nrw.komman.app.support.OnH2;
import nrw.komman.app.support.TestAccounts;
import nrw.komman.command.privacy.RetentionSchedule;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ADR 39: the platform runs the retention rules on its schedule, here every two seconds instead of every night. Each
 * planned time becomes one run, recorded as the platform's ({@code RetentionRunRecordedEvent}, metadata role SYSTEM), once,
 * and administrators see it among the past runs on their page. The context is closed afterwards: its runs would go on.
 */
@TestPropertySource(properties = "komman.retention.schedule=*/2 * * * * *")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ScheduledRetentionOnH2Test extends OnH2 {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void each_planned_time_is_one_run_recorded_once_as_the_platforms_and_shown_to_administrators() {
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500))
                .until(() -> scheduledRuns().size() >= 3);

        List<Map<String, Object>> events = jdbc.queryForList("""
                select aggregate_identifier, sequence_number, payload_type, meta_data from domain_event_entry
                 where type = 'RetentionRun' order by global_index""");
        List<String> runIds = events.stream().map(e -> (String) e.get("aggregate_identifier")).toList();
        assertThat(runIds).as("one record per run").doesNotHaveDuplicates().allMatch(id -> id.matches(
                "\\d{4}-\\d{2}-\\d{2}-scheduled\\d{6}"));
        assertThat(events).allSatisfy(e -> {
            assertThat(((Number) e.get("sequence_number")).longValue()).isZero();
            assertThat((String) e.get("payload_type")).endsWith("RetentionRunRecordedEvent");
            assertThat(new String((byte[]) e.get("meta_data"), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("\"actorRole\":\"SYSTEM\"").contains("\"actorAccount\":\"system\"");
        });
        // the planned times are the schedule's (even seconds), each taken by one execution
        assertThat(runIds).allMatch(id -> Integer.parseInt(id.substring(id.length() - 2)) % 2 == 0);
        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = ?", Integer.class,
                RetentionSchedule.TASK)).as("one recurring execution").isEqualTo(1);

        String shown = scheduledRuns().get(0);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from retention_run_view where run_id = ?", Integer.class, shown) == 1);
        FormClient.Page page = FormClient.signedIn(port, TestAccounts.ADMIN).get("/verwaltung/aufbewahrung");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Bisherige Löschläufe").contains("data-run=\"" + shown + "\"")
                .contains("Plattform (Zeitplan)").contains("*/2 * * * * *");
    }

    private List<String> scheduledRuns() {
        return jdbc.queryForList("""
                select aggregate_identifier from domain_event_entry where type = 'RetentionRun'
                 order by global_index""", String.class);
    }
}
