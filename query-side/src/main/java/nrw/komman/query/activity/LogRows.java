package nrw.komman.query.activity;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.activity.ActivityView;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.volunteer.PersonalData;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import nrw.komman.kernel.volunteer.SealedPersonalData;
import nrw.komman.kernel.volunteer.SealedText;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.query.common.Rows;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Entries of a centre's activity log as its coordinators read them (the log's page and the dashboard). The
 * note and the volunteer's name are stored sealed (ADR 22) and opened here, the keys of a page looked up once.
 */
final class LogRows {

    /** The entries with the volunteer's sealed data from the roster; a where clause on {@code a} follows. */
    static final String SELECT = """
            select a.activity_id, a.volunteer_id, a.centre_id, a.activity_date, a.minutes, a.category, a.sealed_note,
                   a.grant_id, a.withdrawn, a.corrected, a.logged_at, v.sealed_personal_data as volunteer_data
              from activity_view a
              left join volunteer_view v on v.volunteer_id = a.volunteer_id""";

    /** Newest first (the order of index ix_activity_view_centre_date), the id making it total. */
    static final String ORDER = "order by a.activity_date desc, a.logged_at desc, a.activity_id";

    private LogRows() {
    }

    /** Runs a query of {@link #SELECT} and opens its names and notes, with one look-up of the volunteers' keys. */
    static List<ActivityView> read(NamedParameterJdbcTemplate jdbc, String sql, SqlParameterSource parameters,
                                   PersonalDataVault vault) {
        List<Row> rows = jdbc.query(sql, parameters, ROW);
        if (rows.isEmpty()) {
            return List.of();
        }
        PersonalDataVault.Opener opener = vault.openerFor(rows.stream().map(Row::volunteerId).distinct().toList());
        Map<VolunteerId, Optional<String>> names = new HashMap<>();
        return rows.stream().map(r -> {
            // a key destroyed after the row was written: the name and note are gone already
            String name = names.computeIfAbsent(r.volunteerId(),
                    id -> r.volunteerData() == null ? Optional.empty() : opener.open(id, r.volunteerData()).map(PersonalData::name))
                    .orElse(null);
            String note = r.note() == null ? null : opener.openText(r.volunteerId(), r.note()).orElse(null);
            return new ActivityView(r.activityId(), r.volunteerId(), r.centreId(), name, r.date(), r.minutes(), r.category(),
                    note, r.grantId(), r.withdrawn(), r.corrected(), r.loggedAt());
        }).toList();
    }

    private record Row(ActivityId activityId, VolunteerId volunteerId, CentreId centreId, SealedPersonalData volunteerData,
                       LocalDate date, int minutes, ActivityCategory category, SealedText note, GrantId grantId,
                       boolean withdrawn, boolean corrected, Instant loggedAt) {
    }

    private static final RowMapper<Row> ROW = (rs, i) -> {
        String grantId = rs.getString("grant_id");
        String volunteerData = rs.getString("volunteer_data");
        String note = rs.getString("sealed_note");
        return new Row(ActivityId.parse(rs.getString("activity_id").trim()), VolunteerId.parse(rs.getString("volunteer_id").trim()),
                new CentreId(rs.getString("centre_id")), volunteerData == null ? null : new SealedPersonalData(volunteerData),
                Rows.date(rs, "activity_date"), rs.getInt("minutes"), ActivityCategory.valueOf(rs.getString("category")),
                note == null ? null : new SealedText(note), grantId == null ? null : new GrantId(UUID.fromString(grantId.trim())),
                rs.getBoolean("withdrawn"), rs.getBoolean("corrected"), Rows.instant(rs, "logged_at"));
    };
}
