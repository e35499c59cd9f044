package nrw.komman.query.coordination;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.coordination.AssignmentId;
import nrw.komman.kernel.coordination.AssignmentStatus;
import nrw.komman.kernel.coordination.AssignmentView;
import nrw.komman.kernel.coordination.HelpRequestId;
import nrw.komman.kernel.coordination.Schedule;
import nrw.komman.kernel.volunteer.PersonalData;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import nrw.komman.kernel.volunteer.SealedPersonalData;
import nrw.komman.kernel.volunteer.SealedText;
import nrw.komman.kernel.volunteer.VolunteerId;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads assignments with their request's what, when and where, and the days they took place or nobody came, in
 * two statements for any number of them; opens the volunteers' names, the reasons and the places with one look-up
 * of the keys (ADR 22). A name, reason or place whose key is destroyed reads as null.
 */
final class AssignmentRows {

    private static final String SELECT = """
            select a.assignment_id, a.request_id, a.centre_id, a.volunteer_id, a.status, a.sealed_reason,
                   r.category, r.first_day, r.last_day, r.weekdays, r.start_time, r.end_time, r.minutes, r.municipality,
                   r.sealed_place, r.starts_at, v.sealed_personal_data, v.erased as volunteer_erased
              from assignment_view a
              join help_request_view r on r.request_id = a.request_id
              left join volunteer_view v on v.volunteer_id = a.volunteer_id
             where\s""";

    private static final String DAYS = """
            select d.assignment_id, d.on_day, d.outcome
              from assignment_day d
              join assignment_view a on a.assignment_id = d.assignment_id
              join help_request_view r on r.request_id = a.request_id
             where\s""";

    private AssignmentRows() {
    }

    /** Who reads: the centre sees every place; the volunteer sees a place only once they confirmed. */
    enum Reader { CENTRE, VOLUNTEER }

    /**
     * The assignments that {@code where} selects (a condition on {@code a} and {@code r}), ordered by the request's
     * start, then by id.
     */
    static List<AssignmentView> read(NamedParameterJdbcTemplate jdbc, PersonalDataVault vault, String where,
                                     MapSqlParameterSource p, Reader reader) {
        List<Row> rows = jdbc.query(SELECT + where + " order by r.starts_at, a.request_id, a.assignment_id", p, (rs, i) -> new Row(
                AssignmentId.parse(rs.getString("assignment_id").trim()), HelpRequestId.parse(rs.getString("request_id").trim()),
                new CentreId(rs.getString("centre_id")), VolunteerId.parse(rs.getString("volunteer_id").trim()),
                AssignmentStatus.valueOf(rs.getString("status")), rs.getString("sealed_reason"),
                ActivityCategory.valueOf(rs.getString("category")), Codes.schedule(rs), rs.getInt("minutes"),
                rs.getString("municipality"), rs.getString("sealed_place"), rs.getString("sealed_personal_data"),
                rs.getBoolean("volunteer_erased")));
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<LocalDate>> tookPlace = new HashMap<>();
        Map<String, List<LocalDate>> noShow = new HashMap<>();
        jdbc.query(DAYS + where + " order by d.assignment_id, d.on_day", p, (RowCallbackHandler) rs -> {
            String id = rs.getString("assignment_id").trim();
            LocalDate day = rs.getObject("on_day", LocalDate.class);
            ("NO_SHOW".equals(rs.getString("outcome")) ? noShow : tookPlace).computeIfAbsent(id, k -> new ArrayList<>()).add(day);
        });
        Set<VolunteerId> subjects = new HashSet<>();
        for (Row r : rows) {
            subjects.add(r.volunteerId());
            subjects.add(r.requestId().subject());
        }
        PersonalDataVault.Opener opener = vault.openerFor(subjects);
        List<AssignmentView> views = new ArrayList<>(rows.size());
        for (Row r : rows) {
            String name = r.volunteerErased() || r.sealedPersonalData() == null ? null
                    : opener.open(r.volunteerId(), new SealedPersonalData(r.sealedPersonalData())).map(PersonalData::name).orElse(null);
            String reason = r.sealedReason() == null ? null
                    : opener.openText(r.volunteerId(), new SealedText(r.sealedReason())).orElse(null);
            boolean showPlace = reader == Reader.CENTRE || r.status() == AssignmentStatus.CONFIRMED;
            String place = !showPlace || r.sealedPlace() == null ? null
                    : opener.openText(r.requestId().subject(), new SealedText(r.sealedPlace())).orElse(null);
            String id = r.assignmentId().toString();
            views.add(new AssignmentView(r.assignmentId(), r.requestId(), r.centreId(), r.volunteerId(), name, r.status(),
                    r.category(), r.schedule(), r.minutes(), r.municipality(), place, reason,
                    List.copyOf(tookPlace.getOrDefault(id, List.of())), List.copyOf(noShow.getOrDefault(id, List.of()))));
        }
        return views;
    }

    private record Row(AssignmentId assignmentId, HelpRequestId requestId, CentreId centreId, VolunteerId volunteerId,
                       AssignmentStatus status, String sealedReason, ActivityCategory category, Schedule schedule,
                       int minutes, String municipality, String sealedPlace, String sealedPersonalData,
                       boolean volunteerErased) {
    }
}
