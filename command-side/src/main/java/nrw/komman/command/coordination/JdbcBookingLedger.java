package nrw.komman.command.coordination;

import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.coordination.AssignmentId;
import nrw.komman.kernel.coordination.HelpRequestId;
import nrw.komman.kernel.coordination.Schedule;
import nrw.komman.kernel.volunteer.VolunteerId;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The booking ledger in three tables (migration V40): a lock row per volunteer ({@code booking_volunteer}), the live
 * assignments ({@code booking_assignment}) and the occurrences each holds ({@code booking_occurrence}).
 * <p>
 * The protocol, like the budget ledger's (ADR 7): lock the volunteer's row ({@code select … for update}), read the
 * volunteer's held occurrences within the schedule's first and last instant, check the overlap in memory, then
 * insert. Bookings of one volunteer queue on that row; different volunteers never wait for each other. Runs in the
 * caller's transaction (Axon's unit of work binds the Spring transaction), so the ledger commits or rolls back
 * with the command's events.
 */
@Component
public class JdbcBookingLedger implements BookingLedger {

    private final JdbcTemplate jdbc;

    public JdbcBookingLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lock(VolunteerId volunteerId) {
        String id = volunteerId.toString();
        if (jdbc.queryForList("select volunteer_id from booking_volunteer where volunteer_id = ? for update", String.class, id)
                .isEmpty()) {
            try {
                jdbc.update("insert into booking_volunteer (volunteer_id) values (?)", id);
            } catch (DuplicateKeyException raced) {
                // another transaction created the row at the same moment: this one is rolled back and the command
                // retried by the gateway (a conflict, like a lost race for an aggregate), then finds and locks it
                throw new ConcurrencyException("The booking row of volunteer " + id + " was created concurrently", raced);
            }
            jdbc.queryForList("select volunteer_id from booking_volunteer where volunteer_id = ? for update", String.class, id);
        }
    }

    @Override
    public void hold(VolunteerId volunteerId, AssignmentId assignmentId, HelpRequestId requestId, Schedule schedule) {
        lock(volunteerId);
        String volunteer = volunteerId.toString();
        String assignment = assignmentId.toString();
        List<Held> held = jdbc.query("""
                        select assignment_id, starts_at, ends_at from booking_occurrence
                         where volunteer_id = ? and starts_at < ? and ends_at > ? and assignment_id <> ?
                         order by starts_at""",
                (rs, i) -> new Held(rs.getObject("starts_at", OffsetDateTime.class), rs.getObject("ends_at", OffsetDateTime.class)),
                volunteer, utc(schedule.endsAt()), utc(schedule.startsAt()), assignment);
        for (Schedule.Occurrence occurrence : schedule.occurrences()) {
            for (Held h : held) {
                if (h.startsAt().toInstant().isBefore(occurrence.endsAt()) && occurrence.startsAt().isBefore(h.endsAt().toInstant())) {
                    throw booked();
                }
            }
        }
        jdbc.update("delete from booking_assignment where assignment_id = ?", assignment);
        jdbc.update("delete from booking_occurrence where assignment_id = ?", assignment);
        jdbc.update("insert into booking_assignment (assignment_id, volunteer_id, request_id, holds_time) values (?, ?, ?, true)",
                assignment, volunteer, requestId.toString());
        List<Object[]> rows = new ArrayList<>();
        for (Schedule.Occurrence occurrence : schedule.occurrences()) {
            rows.add(new Object[]{volunteer, assignment, utc(occurrence.startsAt()), utc(occurrence.endsAt())});
        }
        jdbc.batchUpdate("insert into booking_occurrence (volunteer_id, assignment_id, starts_at, ends_at) values (?, ?, ?, ?)", rows);
    }

    @Override
    public void offer(VolunteerId volunteerId, AssignmentId assignmentId, HelpRequestId requestId) {
        jdbc.update("delete from booking_assignment where assignment_id = ?", assignmentId.toString());
        jdbc.update("insert into booking_assignment (assignment_id, volunteer_id, request_id, holds_time) values (?, ?, ?, false)",
                assignmentId.toString(), volunteerId.toString(), requestId.toString());
    }

    @Override
    public void release(AssignmentId assignmentId) {
        jdbc.update("delete from booking_occurrence where assignment_id = ?", assignmentId.toString());
        jdbc.update("delete from booking_assignment where assignment_id = ?", assignmentId.toString());
    }

    @Override
    public void releaseTime(AssignmentId assignmentId) {
        jdbc.update("delete from booking_occurrence where assignment_id = ?", assignmentId.toString());
        jdbc.update("update booking_assignment set holds_time = false where assignment_id = ?", assignmentId.toString());
    }

    @Override
    public List<LiveAssignment> liveAssignmentsOf(VolunteerId volunteerId) {
        lock(volunteerId);
        return liveAssignmentsWithoutLockOf(volunteerId);
    }

    @Override
    public List<LiveAssignment> liveAssignmentsWithoutLockOf(VolunteerId volunteerId) {
        return jdbc.query("select request_id, assignment_id from booking_assignment where volunteer_id = ? order by assignment_id",
                (rs, i) -> new LiveAssignment(HelpRequestId.parse(rs.getString("request_id").trim()),
                        AssignmentId.parse(rs.getString("assignment_id").trim())),
                volunteerId.toString());
    }

    static RuleViolationException booked() {
        return new RuleViolationException("assignment.volunteer.booked",
                "Die Person ist zu dieser Zeit schon für einen anderen Einsatz eingeplant.");
    }

    private static OffsetDateTime utc(java.time.Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record Held(OffsetDateTime startsAt, OffsetDateTime endsAt) {
    }
}
