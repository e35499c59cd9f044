package nrw.komman.command.coordination;

import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.coordination.Schedule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;

/**
 * When a request's dates come (rule 23): the reminder of an occurrence the day before at {@link #REMINDER_TIME} in
 * NRW, and the escalation of an unstaffed request {@code komman.coordination.unstaffed-lead-hours} hours before its
 * first occurrence starts (48 by default). A bean, so the request gets the lead time as a handler parameter like the
 * grant gets its programme dates.
 */
@Component
public class StaffingDates {

    public static final int DEFAULT_UNSTAFFED_LEAD_HOURS = 48;
    /** The hour of the reminder on the day before: the morning, not in the night when the deadline could fire. */
    public static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

    private final Duration unstaffedLead;

    @Autowired
    public StaffingDates(@Value("${komman.coordination.unstaffed-lead-hours:" + DEFAULT_UNSTAFFED_LEAD_HOURS + "}")
                         int unstaffedLeadHours) {
        if (unstaffedLeadHours < 1) {
            throw new IllegalStateException("komman.coordination.unstaffed-lead-hours must be at least 1 (hours)");
        }
        this.unstaffedLead = Duration.ofHours(unstaffedLeadHours);
    }

    /** When an unstaffed request is told to its coordinators: the lead time before its first occurrence. */
    public Instant unstaffedAt(Schedule schedule) {
        return schedule.occurrences().get(0).startsAt().minus(unstaffedLead);
    }

    /** When the volunteer is reminded of the occurrence: the day before, at 09:00 in NRW. */
    public static Instant reminderAt(Schedule.Occurrence occurrence) {
        return occurrence.day().minusDays(1).atTime(REMINDER_TIME).atZone(Nrw.ZONE).toInstant();
    }

    /**
     * The first occurrence after {@code after} (from the first when null) whose reminder is still ahead of
     * {@code now}: one whose reminder time already passed gets none, the next one does (a weekly assignment confirmed
     * the evening before its first day is reminded of the second).
     */
    public static Optional<Schedule.Occurrence> nextToRemind(Schedule schedule, LocalDate after, Instant now) {
        return schedule.occurrences().stream()
                .filter(o -> after == null || o.day().isAfter(after))
                .filter(o -> reminderAt(o).isAfter(now))
                .findFirst();
    }
}
