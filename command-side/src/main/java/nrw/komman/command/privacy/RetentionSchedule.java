package nrw.komman.command.privacy;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.common.Refusal;
import nrw.komman.kernel.privacy.RunRetentionCommand;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The retention rules on the platform's schedule (ADR 39): a recurring task of the database scheduler (ADR 36) sends
 * the same {@link RunRetentionCommand} an administrator's run sends, as the platform ({@link Actor#SYSTEM}), so the run
 * erases and is recorded ({@code RetentionRunRecordedEvent}) exactly as a run by hand, and the administrators' page lists
 * it among the past runs. The scheduler runs one execution on one node; the run's id is made of the execution's planned
 * time, so an execution that runs again (its node died after the run committed, before the scheduler marked it done) is
 * refused by the run's aggregate as a duplicate and records nothing twice.
 * <p>
 * {@code komman.retention.schedule}: a daily time in NRW ({@code 02:30}, the default), a cron expression in NRW time
 * (six fields, seconds first: {@code 0 30 2 * * MON-FRI}), or {@code off}. Only where the command role is, which holds
 * the run's aggregate.
 */
@Configuration(proxyBeanMethods = false)
public class RetentionSchedule {

    /** The task's name in {@code scheduled_tasks}. */
    public static final String TASK = "retention-run";
    /** The default: every night at half past two, NRW time, when nobody works. */
    public static final String DEFAULT_SCHEDULE = "02:30";

    private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);
    private static final Pattern DAILY = Pattern.compile("\\d{1,2}:\\d{2}");
    private static final DateTimeFormatter PLANNED = DateTimeFormatter.ofPattern("HHmmss");

    @Bean
    @ConditionalOnExpression("!'${komman.retention.schedule:" + DEFAULT_SCHEDULE + "}'.trim().equalsIgnoreCase('off')")
    RecurringTask<Void> retentionRunTask(@Value("${komman.retention.schedule:" + DEFAULT_SCHEDULE + "}") String schedule,
                                         CommandGateway commands) {
        Schedule when = parse(schedule);
        log.info("Retention rules run on schedule: {} (komman.retention.schedule, NRW time)", schedule.trim());
        return Tasks.recurring(TASK, when)
                // a dead execution (its node died) runs again under its planned time, so under the same run id: the
                // default revival would move it to now, and a run committed before the node died would be recorded twice
                .onDeadExecution((dead, operations) -> operations.reschedule(dead, dead.getExecution().executionTime))
                .execute((instance, context) -> run(commands, context.getExecution().executionTime));
    }

    /** Runs the rules once, as the platform, under the id of the execution's planned time. */
    static void run(CommandGateway commands, Instant planned) {
        String runId = runId(planned);
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RunRetentionCommand(runId))
                    .withMetaData(Actor.SYSTEM.toMetaData()));
            log.info("Scheduled retention run {} recorded", runId);
        } catch (RuntimeException e) {
            // the refusal itself in one process, inside Axon's details over Axon Server
            if (!Refusal.behind(e).map(refusal -> "retention.run.duplicate".equals(refusal.code())).orElse(false)) {
                throw e;
            }
            log.info("Scheduled retention run {} was recorded before (its execution ran again)", runId);
        }
    }

    /** The run's id: the planned day and time in NRW, e.g. {@code 2026-12-07-scheduled023000}. */
    static String runId(Instant planned) {
        ZonedDateTime at = planned.atZone(Nrw.ZONE);
        return at.toLocalDate() + "-scheduled" + PLANNED.format(at);
    }

    /** A daily time ({@code 02:30}) or a cron expression, both in NRW time; anything else stops the start. */
    static Schedule parse(String value) {
        String schedule = value == null ? "" : value.trim();
        try {
            if (DAILY.matcher(schedule).matches()) {
                return Schedules.daily(Nrw.ZONE, LocalTime.parse(schedule.length() == 4 ? "0" + schedule : schedule));
            }
            return Schedules.cron(schedule, Nrw.ZONE);
        } catch (RuntimeException e) {
            throw new IllegalStateException("komman.retention.schedule must be a time of day (02:30), a cron expression "
                    + "(0 30 2 * * *) or off, not '" + schedule + "': " + e.getMessage(), e);
        }
    }
}
