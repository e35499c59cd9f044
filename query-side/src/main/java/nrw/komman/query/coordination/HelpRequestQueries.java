package nrw.komman.query.coordination;

import nrw.komman.kernel.access.Action;
import nrw.komman.kernel.access.Permissions;
import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.coordination.AssignmentView;
import nrw.komman.kernel.coordination.CentreAssignments;
import nrw.komman.kernel.coordination.FindCentreAssignmentsQuery;
import nrw.komman.kernel.coordination.FindHelpRequestQuery;
import nrw.komman.kernel.coordination.FindHelpRequestsQuery;
import nrw.komman.kernel.coordination.FindVolunteerAssignmentsQuery;
import nrw.komman.kernel.coordination.HelpRequestBoard;
import nrw.komman.kernel.coordination.HelpRequestId;
import nrw.komman.kernel.coordination.HelpRequestStatus;
import nrw.komman.kernel.coordination.HelpRequestSummary;
import nrw.komman.kernel.coordination.HelpRequestView;
import nrw.komman.kernel.coordination.VolunteerAssignments;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import nrw.komman.kernel.volunteer.SealedText;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.query.common.ReadAccess;
import nrw.komman.query.common.Rows;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A centre's requests for help and assignments (issue 18): the board, one request with its requester's data
 * opened, a volunteer's assignments (their coordinators, or the volunteer through their own link), and the
 * centre's assignments in a period (its calendar). Permissions are asked before any row is read.
 */
@Component
public class HelpRequestQueries {

    static final String SUMMARY_COLUMNS = """
            r.request_id, r.centre_id, r.category, r.languages, r.first_day, r.last_day, r.weekdays, r.start_time,
            r.end_time, r.minutes, r.municipality, r.volunteers_needed, r.confirmed, r.pending, r.status, r.unstaffed_starts_at""";

    private final NamedParameterJdbcTemplate jdbc;
    private final PersonalDataVault vault;
    private final Clock clock;

    @Autowired
    public HelpRequestQueries(NamedParameterJdbcTemplate jdbc, PersonalDataVault vault, ObjectProvider<Clock> clock) {
        this(jdbc, vault, clock.getIfAvailable(Nrw::systemClock));
    }

    public HelpRequestQueries(NamedParameterJdbcTemplate jdbc, PersonalDataVault vault, Clock clock) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.clock = clock;
    }

    /**
     * The board: requests found unstaffed before they start first (issue 19), then soonest first (then by id, so the
     * order is stable); no personal data.
     */
    @QueryHandler
    public HelpRequestBoard handle(FindHelpRequestsQuery query, MetaData metaData) {
        Actor actor = ReadAccess.actor(metaData);
        Permissions.require(actor, Action.READ_HELP_REQUESTS, query.centreId());
        MapSqlParameterSource p = new MapSqlParameterSource("centreId", query.centreId().value())
                .addValue("statuses", query.statuses().stream().map(Enum::name).sorted().toList());
        String where = " where r.centre_id = :centreId and r.status in (:statuses)";
        if (query.from() != null) {
            where += " and r.last_day >= :from";
            p.addValue("from", query.from());
        }
        List<HelpRequestSummary> requests = jdbc.query("select " + SUMMARY_COLUMNS + " from help_request_view r" + where
                + " order by case when r.unstaffed_starts_at is null then 1 else 0 end, r.starts_at, r.request_id", p, SUMMARY);
        return new HelpRequestBoard(query.centreId(), requests);
    }

    @QueryHandler
    public HelpRequestView handle(FindHelpRequestQuery query, MetaData metaData) {
        Actor actor = ReadAccess.actor(metaData);
        Permissions.require(actor, Action.READ_HELP_REQUESTS);
        MapSqlParameterSource p = new MapSqlParameterSource("requestId", query.requestId().toString());
        List<Detail> found = jdbc.query("select " + SUMMARY_COLUMNS + """
                , r.sealed_place, r.sealed_requester_name, r.sealed_requester_contact, r.sealed_note, r.grant_id,
                  r.requester_erased, r.closed_on
                  from help_request_view r where r.request_id = :requestId""", p, (rs, i) -> new Detail(SUMMARY.mapRow(rs, i),
                rs.getString("sealed_place"), rs.getString("sealed_requester_name"), rs.getString("sealed_requester_contact"),
                rs.getString("sealed_note"), rs.getString("grant_id"), rs.getBoolean("requester_erased"), Rows.date(rs, "closed_on")));
        if (found.isEmpty()) {
            throw notFound();
        }
        Detail d = found.get(0);
        Permissions.require(actor, Action.READ_HELP_REQUESTS, d.summary().centreId());
        VolunteerId subject = query.requestId().subject();
        PersonalDataVault.Opener opener = vault.openerFor(List.of(subject));
        List<AssignmentView> assignments = AssignmentRows.read(jdbc, vault, "a.request_id = :requestId", p,
                AssignmentRows.Reader.CENTRE);
        boolean erased = d.requesterErased() || !opener.hasKey(subject);
        return new HelpRequestView(d.summary(), open(opener, subject, d.place()), open(opener, subject, d.requesterName()),
                open(opener, subject, d.requesterContact()), open(opener, subject, d.note()),
                d.grantId() == null ? null : GrantId.parse(d.grantId().trim()), erased, d.closedOn(), assignments);
    }

    /** The volunteer's coordinators, or the volunteer themself through their own link. */
    @QueryHandler
    public VolunteerAssignments handle(FindVolunteerAssignmentsQuery query, MetaData metaData) {
        Actor actor = ReadAccess.actor(metaData);
        AssignmentRows.Reader reader;
        if (actor.actsAsVolunteer(query.volunteerId().value())) {
            Permissions.require(actor, Action.READ_OWN_VOLUNTEER_PAGE, actor.centre());
            reader = AssignmentRows.Reader.VOLUNTEER;
        } else {
            Permissions.require(actor, Action.READ_HELP_REQUESTS);
            Permissions.require(actor, Action.READ_HELP_REQUESTS, centreOfVolunteer(jdbc, query.volunteerId()));
            reader = AssignmentRows.Reader.CENTRE;
        }
        return new VolunteerAssignments(query.volunteerId(), assignmentsOf(query.volunteerId(), query.upcomingOnly(), reader));
    }

    /** The centre's assignments with a day in the period, cancelled ones too (a calendar shows them as cancelled). */
    @QueryHandler
    public CentreAssignments handle(FindCentreAssignmentsQuery query, MetaData metaData) {
        Actor actor = ReadAccess.actor(metaData);
        Permissions.require(actor, Action.READ_HELP_REQUESTS, query.centreId());
        MapSqlParameterSource p = new MapSqlParameterSource("centreId", query.centreId().value())
                .addValue("from", query.from()).addValue("to", query.to());
        List<AssignmentView> all = AssignmentRows.read(jdbc, vault,
                "a.centre_id = :centreId and r.first_day <= :to and r.last_day >= :from", p, AssignmentRows.Reader.CENTRE);
        return new CentreAssignments(query.centreId(), all.stream().filter(a -> a.schedule().days().stream()
                .anyMatch(day -> !day.isBefore(query.from()) && !day.isAfter(query.to()))).toList());
    }

    /** A volunteer's assignments; upcoming: live and not yet over. */
    List<AssignmentView> assignmentsOf(VolunteerId volunteerId, boolean upcomingOnly, AssignmentRows.Reader reader) {
        MapSqlParameterSource p = new MapSqlParameterSource("volunteerId", volunteerId.toString());
        String where = "a.volunteer_id = :volunteerId";
        if (upcomingOnly) {
            where += " and a.status in ('ASKED', 'OFFERED', 'CONFIRMED') and r.ends_at > :now"
                    + " and r.status not in ('CANCELLED', 'CLOSED')";
            p.addValue("now", Rows.timestamp(Instant.now(clock)));
        }
        return AssignmentRows.read(jdbc, vault, where, p, reader);
    }

    /** The centre of a volunteer the read models know; unknown: not found. */
    static CentreId centreOfVolunteer(NamedParameterJdbcTemplate jdbc, VolunteerId volunteerId) {
        List<String> centres = jdbc.queryForList("select centre_id from volunteer_view where volunteer_id = :volunteerId",
                new MapSqlParameterSource("volunteerId", volunteerId.toString()), String.class);
        if (centres.isEmpty()) {
            throw new NotFoundException("volunteer.not-found", "Diese*r Ehrenamtliche ist nicht bekannt.");
        }
        return new CentreId(centres.get(0));
    }

    static NotFoundException notFound() {
        return new NotFoundException("help-request.not-found", "Diese Einsatzanfrage ist nicht bekannt.");
    }

    private static String open(PersonalDataVault.Opener opener, VolunteerId subject, String ciphertext) {
        return ciphertext == null ? null : opener.openText(subject, new SealedText(ciphertext)).orElse(null);
    }

    static final RowMapper<HelpRequestSummary> SUMMARY = (rs, i) -> new HelpRequestSummary(
            HelpRequestId.parse(rs.getString("request_id").trim()), new CentreId(rs.getString("centre_id")),
            ActivityCategory.valueOf(rs.getString("category")), Codes.languages(rs.getString("languages")),
            Codes.schedule(rs), rs.getInt("minutes"), rs.getString("municipality"), rs.getInt("volunteers_needed"),
            rs.getInt("confirmed"), rs.getInt("pending"), HelpRequestStatus.valueOf(rs.getString("status")),
            Rows.instant(rs, "unstaffed_starts_at"));

    private record Detail(HelpRequestSummary summary, String place, String requesterName, String requesterContact,
                          String note, String grantId, boolean requesterErased, LocalDate closedOn) {
    }
}
