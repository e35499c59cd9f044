package nrw.komman.query.coordination;

import nrw.komman.kernel.coordination.AssignmentCancelledEvent;
import nrw.komman.kernel.coordination.AssignmentConfirmedEvent;
import nrw.komman.kernel.coordination.AssignmentDeclinedEvent;
import nrw.komman.kernel.coordination.AssignmentId;
import nrw.komman.kernel.coordination.AssignmentLapsedEvent;
import nrw.komman.kernel.coordination.AssignmentNoShowRecordedEvent;
import nrw.komman.kernel.coordination.AssignmentOfferedEvent;
import nrw.komman.kernel.coordination.AssignmentStatus;
import nrw.komman.kernel.coordination.AssignmentTookPlaceEvent;
import nrw.komman.kernel.coordination.HelpRequestCancelledEvent;
import nrw.komman.kernel.coordination.HelpRequestClosedEvent;
import nrw.komman.kernel.coordination.HelpRequestId;
import nrw.komman.kernel.coordination.HelpRequestOpenedEvent;
import nrw.komman.kernel.coordination.HelpRequestStatus;
import nrw.komman.kernel.coordination.HelpRequestUnstaffedEvent;
import nrw.komman.kernel.coordination.RequesterDataErasedEvent;
import nrw.komman.kernel.coordination.Schedule;
import nrw.komman.kernel.coordination.VolunteerAskedEvent;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.privacy.VolunteerDataErasedEvent;
import nrw.komman.kernel.volunteer.SealedText;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.query.common.ProcessingGroups;
import nrw.komman.query.common.RebuildableProjection;
import nrw.komman.query.common.Rows;
import nrw.komman.query.common.TableNames;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Projects requests for help and their assignments (issue 18): the board's rows ({@code help_request_view}) with
 * their confirmed and pending counts, the status after each of a request's events ({@code help_request_status}, for
 * the figures as of a date), the assignments with their sealed reasons, the days they took place or nobody came,
 * and the occurrences a held assignment (asked or confirmed) takes of its volunteer ({@code volunteer_booking}, for
 * matching), and the mark of a request found unstaffed before it starts (issue 19) until it is staffed, cancelled or
 * closed. Personal data stays the events' ciphertext (ADR 22). Counts are recounted from the assignment rows
 * after every change, so an event handled twice changes nothing. Owned by {@code centre-views}.
 * <p>Why this size: one handler per event of a request's life (opened, asked, offered, answered, cancelled, replaced,
 * called off, closed, took place, unstaffed, erased), each keeping the board row, the assignment rows and the status
 * history consistent in one place; the queries live in {@code HelpRequestQueries}.
 */
@Component
@ProcessingGroup(ProcessingGroups.CENTRE_VIEWS)
public class HelpRequestProjection implements RebuildableProjection {

    /** The tables it writes (ADR 17). */
    private static final TableNames TABLES = TableNames.of("help_request_view", "help_request_status", "assignment_view",
            "assignment_day", "volunteer_booking");

    private final NamedParameterJdbcTemplate jdbc;
    private final TableNames tables;

    @Autowired
    public HelpRequestProjection(NamedParameterJdbcTemplate jdbc) {
        this(jdbc, TABLES);
    }

    private HelpRequestProjection(NamedParameterJdbcTemplate jdbc, TableNames tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    @Override
    public TableNames tables() {
        return tables;
    }

    @Override
    public HelpRequestProjection copyOver(TableNames generation) {
        return new HelpRequestProjection(jdbc, generation);
    }

    @EventHandler
    public void on(HelpRequestOpenedEvent event, @Timestamp Instant occurredAt, @SequenceNumber Long sequence) {
        Schedule s = event.schedule();
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("requestId", event.requestId().toString())
                .addValue("centreId", event.centreId().value())
                .addValue("region", event.centreId().regierungsbezirk().name())
                .addValue("category", event.category().name())
                .addValue("languages", Codes.languages(event.languages()))
                .addValue("firstDay", s.firstDay())
                .addValue("lastDay", s.lastDay())
                .addValue("weekdays", Codes.weekdays(s.weekdays()))
                .addValue("startTime", s.start().toString())
                .addValue("endTime", s.end().toString())
                .addValue("startsAt", Rows.timestamp(s.startsAt()))
                .addValue("endsAt", Rows.timestamp(s.endsAt()))
                .addValue("minutes", event.minutes())
                .addValue("municipality", event.municipality())
                .addValue("volunteersNeeded", event.volunteersNeeded())
                .addValue("grantId", Rows.string(event.grantId()))
                .addValue("place", ciphertext(event.place()))
                .addValue("requesterName", ciphertext(event.requesterName()))
                .addValue("requesterContact", ciphertext(event.requesterContact()))
                .addValue("note", ciphertext(event.note()))
                .addValue("status", HelpRequestStatus.OPEN.name())
                .addValue("openedAt", Rows.timestamp(occurredAt));
        Integer known = jdbc.queryForObject(tables.sql("select count(*) from {help_request_view} where request_id = :requestId"),
                p, Integer.class);
        if (known != null && known > 0) {
            return; // delivered again: the row and what later events made of it stay
        }
        jdbc.update(tables.sql("""
                insert into {help_request_view} (request_id, centre_id, region, category, languages, first_day, last_day,
                       weekdays, start_time, end_time, starts_at, ends_at, minutes, municipality, volunteers_needed, grant_id,
                       sealed_place, sealed_requester_name, sealed_requester_contact, sealed_note, requester_erased, status,
                       confirmed, pending, opened_at, staffed_at, cancelled_at, closed_at, closed_on)
                values (:requestId, :centreId, :region, :category, :languages, :firstDay, :lastDay,
                       :weekdays, :startTime, :endTime, :startsAt, :endsAt, :minutes, :municipality, :volunteersNeeded, :grantId,
                       :place, :requesterName, :requesterContact, :note, false, :status,
                       0, 0, :openedAt, null, null, null, null)"""), p);
        recount(event.requestId(), occurredAt, sequence);
    }

    @EventHandler
    public void on(VolunteerAskedEvent event, @Timestamp Instant occurredAt, @SequenceNumber Long sequence) {
        newAssignment(event.requestId(), event.assignmentId(), event.volunteerId(), event.centreId(), AssignmentStatus.ASKED);
        book(event.assignmentId(), event.volunteerId(), event.centreId(), event.schedule());
        recount(event.requestId(), occurredAt, sequence);
    }

    /** An offer holds nothing: no booking until the volunteer accepts. */
    @EventHandler
    public void on(AssignmentOfferedEvent event, @Timestamp Instant occurredAt, @SequenceNumber Long sequence) {
        newAssignment(event.requestId(), event.assignmentId(), event.volunteerId(), event.centreId(), AssignmentStatus.OFFERED);
        recount(event.requestId(), occurredAt, sequence);
    }

    @EventHandler
    public void on(AssignmentConfirmedEvent event, @Timestamp Instant occurredAt, @SequenceNumber Long sequence) {
        setStatus(event.assignmentId(), AssignmentStatus.CONFIRMED, null, false);
        // an accepted offer now holds its time; an asked one holds it already (the same rows again)
        Schedule schedule = scheduleOf(event.requestId());
        if (schedule != null) {
            book(event.assignmentId(), event.volunteerId(), event.centreId(), schedule);
        }
        recount(event.requestId(), occurredAt, sequence);
    }

    @EventHandler
    public void on(AssignmentDeclinedEvent event, @Timestamp Instant occurredAt, @SequenceNumber Long sequence) {
        setStatus(event.assignmentId(), AssignmentStatus.DECLINED, event.reason(), false);
        release(event.assignmentId());
        recount(event.requestId(), occurredAt, sequence);
    }

    @EventHandler
    public void on(AssignmentCancelledEvent event, @Timestamp Instant occurredAt, @SequenceNumber Long sequence) {
        setStatus(event.assignmentId(), AssignmentStatus.CANCELLED, event.reason(), event.afterConfirmation());
        release(event.assignmentId());
        recount(event.requestId(), occurredAt, sequence);
    }

    @EventHandler
    public void on(AssignmentLapsedEvent event, @Timestamp Instant occurredAt, @SequenceNumber Long sequence) {
        setStatus(event.assignmentId(), AssignmentStatus.LAPSED, null, false);
        release(event.assignmentId());
        recount(event.requestId(), occurredAt, sequence);
    }

    @EventHandler
    public void on(AssignmentTookPlaceEvent event) {
        day(event.assignmentId(), event.day(), "TOOK_PLACE", event.minutes());
    }

    @EventHandler
    public void on(AssignmentNoShowRecordedEvent event) {
        day(event.assignmentId(), event.day(), "NO_SHOW", null);
    }

    @EventHandler
    public void on(HelpRequestCancelledEvent event, @Timestamp Instant occurredAt, @SequenceNumber Long sequence) {
        jdbc.update(tables.sql("""
                update {help_request_view} set cancelled_at = :at where request_id = :requestId and cancelled_at is null"""),
                new MapSqlParameterSource("requestId", event.requestId().toString()).addValue("at", Rows.timestamp(occurredAt)));
        recount(event.requestId(), occurredAt, sequence);
    }

    @EventHandler
    public void on(HelpRequestClosedEvent event, @Timestamp Instant occurredAt, @SequenceNumber Long sequence) {
        jdbc.update(tables.sql("""
                update {help_request_view} set closed_at = :at, closed_on = :closedOn
                 where request_id = :requestId and closed_at is null"""),
                new MapSqlParameterSource("requestId", event.requestId().toString())
                        .addValue("at", Rows.timestamp(occurredAt)).addValue("closedOn", event.closedOn()));
        recount(event.requestId(), occurredAt, sequence);
    }

    /**
     * The platform found the request not staffed some hours before it starts: the board shows it first until it is
     * staffed, cancelled or closed; its status row is marked, so the figures as of a date count it as escalated.
     * A late fact about a request that is staffed, cancelled or closed meanwhile marks nothing, nor counts (the
     * command side records none; a delivery again finds its row marked already).
     */
    @EventHandler
    public void on(HelpRequestUnstaffedEvent event, @Timestamp Instant occurredAt, @SequenceNumber Long sequence) {
        MapSqlParameterSource p = new MapSqlParameterSource("requestId", event.requestId().toString())
                .addValue("at", Rows.timestamp(occurredAt))
                .addValue("startsAt", Rows.timestamp(event.startsAt()))
                .addValue("live", List.of(HelpRequestStatus.OPEN.name(), HelpRequestStatus.PARTLY_STAFFED.name()));
        int live = jdbc.update(tables.sql("""
                update {help_request_view} set unstaffed_at = :at, unstaffed_starts_at = :startsAt
                 where request_id = :requestId and status in (:live)"""), p);
        Long row = recount(event.requestId(), occurredAt, sequence);
        if (row != null && live > 0) {
            jdbc.update(tables.sql("""
                    update {help_request_status} set unstaffed = true
                     where request_id = :requestId and sequence_number = :sequence and unstaffed = false"""),
                    p.addValue("sequence", row));
        }
    }

    /** The request's key is destroyed: its ciphertext goes too; counts, dates and codes stay. */
    @EventHandler
    public void on(RequesterDataErasedEvent event) {
        jdbc.update(tables.sql("""
                update {help_request_view} set sealed_place = null, sealed_requester_name = null,
                       sealed_requester_contact = null, sealed_note = null, requester_erased = true
                 where request_id = :requestId"""), new MapSqlParameterSource("requestId", event.requestId().toString()));
    }

    /** An erased volunteer's assignments keep their counts and days, but no reason. */
    @EventHandler
    public void on(VolunteerDataErasedEvent event) {
        jdbc.update(tables.sql("update {assignment_view} set sealed_reason = null where volunteer_id = :volunteerId"),
                new MapSqlParameterSource("volunteerId", event.volunteerId().toString()));
    }

    @ResetHandler
    public void reset() {
        for (String table : TABLES.tables()) {
            jdbc.getJdbcOperations().update(tables.sql("delete from {" + table + "}"));
        }
    }

    // ------------------------------------------------------------------ helpers

    private void newAssignment(HelpRequestId requestId, AssignmentId assignmentId, VolunteerId volunteerId,
                               CentreId centreId, AssignmentStatus status) {
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("assignmentId", assignmentId.toString())
                .addValue("requestId", requestId.toString())
                .addValue("centreId", centreId.value())
                .addValue("volunteerId", volunteerId.toString())
                .addValue("status", status.name());
        jdbc.update(tables.sql("delete from {assignment_view} where assignment_id = :assignmentId"), p);
        jdbc.update(tables.sql("""
                insert into {assignment_view} (assignment_id, request_id, centre_id, volunteer_id, status, after_confirmation, sealed_reason)
                values (:assignmentId, :requestId, :centreId, :volunteerId, :status, false, null)"""), p);
    }

    private void setStatus(AssignmentId assignmentId, AssignmentStatus status, SealedText reason, boolean afterConfirmation) {
        jdbc.update(tables.sql("""
                update {assignment_view} set status = :status, sealed_reason = :reason, after_confirmation = :after
                 where assignment_id = :assignmentId"""),
                new MapSqlParameterSource("assignmentId", assignmentId.toString())
                        .addValue("status", status.name())
                        .addValue("reason", ciphertext(reason))
                        .addValue("after", afterConfirmation));
    }

    /** The occurrences the assignment holds; written anew, so a second delivery writes the same rows. */
    private void book(AssignmentId assignmentId, VolunteerId volunteerId, CentreId centreId, Schedule schedule) {
        release(assignmentId);
        List<Schedule.Occurrence> occurrences = schedule.occurrences();
        SqlParameterSource[] rows = new SqlParameterSource[occurrences.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new MapSqlParameterSource()
                    .addValue("volunteerId", volunteerId.toString())
                    .addValue("startsAt", Rows.timestamp(occurrences.get(i).startsAt()))
                    .addValue("endsAt", Rows.timestamp(occurrences.get(i).endsAt()))
                    .addValue("assignmentId", assignmentId.toString())
                    .addValue("centreId", centreId.value());
        }
        jdbc.batchUpdate(tables.sql("""
                insert into {volunteer_booking} (volunteer_id, starts_at, assignment_id, ends_at, centre_id)
                values (:volunteerId, :startsAt, :assignmentId, :endsAt, :centreId)"""), rows);
    }

    private void release(AssignmentId assignmentId) {
        jdbc.update(tables.sql("delete from {volunteer_booking} where assignment_id = :assignmentId"),
                new MapSqlParameterSource("assignmentId", assignmentId.toString()));
    }

    private void day(AssignmentId assignmentId, java.time.LocalDate day, String outcome, Integer minutes) {
        MapSqlParameterSource p = new MapSqlParameterSource("assignmentId", assignmentId.toString())
                .addValue("day", day).addValue("outcome", outcome).addValue("minutes", minutes);
        jdbc.update(tables.sql("delete from {assignment_day} where assignment_id = :assignmentId and on_day = :day"), p);
        jdbc.update(tables.sql("""
                insert into {assignment_day} (assignment_id, on_day, outcome, minutes) values (:assignmentId, :day, :outcome, :minutes)"""), p);
    }

    private Schedule scheduleOf(HelpRequestId requestId) {
        List<Schedule> found = jdbc.query(tables.sql("""
                select first_day, last_day, weekdays, start_time, end_time from {help_request_view} where request_id = :requestId"""),
                new MapSqlParameterSource("requestId", requestId.toString()), (rs, i) -> Codes.schedule(rs));
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * Counts the request's confirmed and pending assignments again, derives its status, remembers when it was first
     * staffed, clears the unstaffed mark once it is answered, and records the state after this event (once per event:
     * keyed by its sequence number, which it returns; null when the request is unknown).
     */
    private Long recount(HelpRequestId requestId, Instant occurredAt, Long sequence) {
        MapSqlParameterSource p = new MapSqlParameterSource("requestId", requestId.toString());
        List<Map<String, Object>> request = jdbc.queryForList(tables.sql("""
                select volunteers_needed, cancelled_at, closed_at from {help_request_view} where request_id = :requestId"""), p);
        if (request.isEmpty()) {
            return null; // an assignment before its request cannot happen; nothing to count
        }
        int confirmed = 0;
        int pending = 0;
        for (Map<String, Object> row : jdbc.queryForList(tables.sql("""
                select status, count(*) as n from {assignment_view} where request_id = :requestId group by status"""), p)) {
            AssignmentStatus status = AssignmentStatus.valueOf((String) row.get("status"));
            int n = ((Number) row.get("n")).intValue();
            if (status == AssignmentStatus.CONFIRMED) {
                confirmed += n;
            } else if (status.live()) {
                pending += n;
            }
        }
        Map<String, Object> r = request.get(0);
        int needed = ((Number) r.get("volunteers_needed")).intValue();
        HelpRequestStatus status = r.get("cancelled_at") != null ? HelpRequestStatus.CANCELLED
                : r.get("closed_at") != null ? HelpRequestStatus.CLOSED
                : confirmed >= needed ? HelpRequestStatus.STAFFED
                : confirmed > 0 ? HelpRequestStatus.PARTLY_STAFFED : HelpRequestStatus.OPEN;
        long rowKey = sequence != null ? sequence : occurredAt.toEpochMilli();
        p.addValue("status", status.name()).addValue("confirmed", confirmed).addValue("pending", pending)
                .addValue("at", Rows.timestamp(occurredAt))
                // the request's events come from its aggregate; an event without a sequence is ordered by its time alone
                .addValue("sequence", rowKey);
        jdbc.update(tables.sql("""
                update {help_request_view} set status = :status, confirmed = :confirmed, pending = :pending
                 where request_id = :requestId"""), p);
        if (status == HelpRequestStatus.STAFFED) {
            jdbc.update(tables.sql("""
                    update {help_request_view} set staffed_at = :at where request_id = :requestId and staffed_at is null"""), p);
        }
        if (status != HelpRequestStatus.OPEN && status != HelpRequestStatus.PARTLY_STAFFED) {
            // staffed, cancelled or closed: the unstaffed mark is answered (and stays gone if a place frees up later)
            jdbc.update(tables.sql("""
                    update {help_request_view} set unstaffed_at = null, unstaffed_starts_at = null
                     where request_id = :requestId and unstaffed_at is not null"""), p);
        }
        Integer known = jdbc.queryForObject(tables.sql("""
                select count(*) from {help_request_status} where request_id = :requestId and sequence_number = :sequence"""), p, Integer.class);
        if (known == null || known == 0) {
            jdbc.update(tables.sql("""
                    insert into {help_request_status} (request_id, sequence_number, changed_at, status, confirmed)
                    values (:requestId, :sequence, :at, :status, :confirmed)"""), p);
        }
        return rowKey;
    }

    private static String ciphertext(SealedText sealed) {
        return sealed == null ? null : sealed.ciphertext();
    }
}
