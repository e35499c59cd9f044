package nrw.komman.command.privacy;

import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When the platform runs the retention rules (ADR 39): NRW time, across the change to and from summer time. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RetentionScheduleTest {

    @Test
    void the_default_is_every_night_at_half_past_two_nrw_time_in_winter_and_in_summer() {
        Schedule nightly = RetentionSchedule.parse(RetentionSchedule.DEFAULT_SCHEDULE);
        // 6 December, CET (UTC+1)
        assertThat(next(nightly, "2026-12-06T20:00:00Z")).isEqualTo(Instant.parse("2026-12-07T01:30:00Z"));
        // 1 July, CEST (UTC+2)
        assertThat(next(nightly, "2026-07-01T10:00:00Z")).isEqualTo(Instant.parse("2026-07-02T00:30:00Z"));
    }

    @Test
    void a_time_of_day_with_one_digit_hours_and_a_cron_expression_are_nrw_time_too() {
        assertThat(next(RetentionSchedule.parse(" 3:15 "), "2026-12-06T20:00:00Z")).isEqualTo(Instant.parse("2026-12-07T02:15:00Z"));
        // Sundays at 04:00
        assertThat(next(RetentionSchedule.parse("0 0 4 * * SUN"), "2026-12-07T12:00:00Z"))
                .isEqualTo(Instant.parse("2026-12-13T03:00:00Z"));
    }

    @Test
    void a_schedule_that_is_neither_stops_the_start_with_the_property_named() {
        for (String wrong : new String[]{"halb drei", "25:00", "0 30 2 * *x", ""}) {
            assertThatThrownBy(() -> RetentionSchedule.parse(wrong)).as(wrong)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("komman.retention.schedule");
        }
    }

    @Test
    void a_runs_id_is_its_planned_day_and_time_in_nrw_and_fits_the_runs_id_rule() {
        assertThat(RetentionSchedule.runId(Instant.parse("2026-07-02T00:30:00Z"))).isEqualTo("2026-07-02-scheduled023000");
        assertThat(RetentionSchedule.runId(Instant.parse("2026-12-31T23:30:00Z"))).isEqualTo("2027-01-01-scheduled003000");
    }

    private static Instant next(Schedule schedule, String after) {
        return schedule.getNextExecutionTime(com.github.kagkarlsson.scheduler.task.ExecutionComplete.simulatedSuccess(Instant.parse(after)));
    }

    @Test
    void an_execution_whose_node_died_runs_again_under_its_planned_time_so_under_the_same_run_id() {
        com.github.kagkarlsson.scheduler.task.helper.RecurringTask<Void> task =
                new RetentionSchedule().retentionRunTask("02:30", null);
        java.time.Instant planned = java.time.Instant.parse("2026-12-07T01:30:00Z");
        java.time.Instant heartbeat = planned.plusSeconds(40);
        com.github.kagkarlsson.scheduler.task.Execution dead = new com.github.kagkarlsson.scheduler.task.Execution(planned,
                task.instance(com.github.kagkarlsson.scheduler.task.helper.RecurringTask.INSTANCE), true, "node-a", null, null,
                0, heartbeat, 3);
        com.github.kagkarlsson.scheduler.TaskRepository repository =
                org.mockito.Mockito.mock(com.github.kagkarlsson.scheduler.TaskRepository.class);
        org.mockito.Mockito.when(repository.reschedule(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.anyInt()))
                .thenReturn(true);

        task.getDeadExecutionHandler().deadExecution(com.github.kagkarlsson.scheduler.task.ExecutionComplete.failure(dead,
                        heartbeat, java.time.Instant.parse("2026-12-07T01:37:00Z"), null),
                new com.github.kagkarlsson.scheduler.task.ExecutionOperations<>(repository,
                        com.github.kagkarlsson.scheduler.event.SchedulerListeners.NOOP, dead));

        // the default revival would reschedule it to the moment it was found dead: another run id, a second record
        org.mockito.Mockito.verify(repository).reschedule(org.mockito.ArgumentMatchers.eq(dead),
                org.mockito.ArgumentMatchers.eq(planned), org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.anyInt());
        assertThat(RetentionSchedule.runId(planned)).isEqualTo("2026-12-07-scheduled023000");
    }
}
