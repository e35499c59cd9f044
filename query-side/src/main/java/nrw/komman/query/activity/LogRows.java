package nrw.komman.query.activity;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.activity.ActivityView;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.query.common.Rows;
import org.springframework.jdbc.core.RowMapper;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Entries of a centre's activity log as its coordinators read them (the log's page and the dashboard). */
final class LogRows {

    /** The entries with the volunteer's name from the roster; a where clause on {@code a} follows. */
    static final String SELECT = """
            select a.activity_id, a.volunteer_id, a.centre_id, a.activity_date, a.minutes, a.category, a.note,
                   a.grant_id, a.withdrawn, a.corrected, a.logged_at, v.name as volunteer_name
              from activity_view a
              left join volunteer_view v on v.volunteer_id = a.volunteer_id""";

    /** Newest first (the order of index ix_activity_view_centre_date), the id making it total. */
    static final String ORDER = "order by a.activity_date desc, a.logged_at desc, a.activity_id";

    private LogRows() {
    }

    /** Maps the rows of one query; the vault is asked once per volunteer whether their key is destroyed. */
    static RowMapper<ActivityView> mapper(PersonalDataVault vault) {
        Map<VolunteerId, Boolean> shredded = new HashMap<>();
        return (rs, i) -> {
            VolunteerId volunteerId = VolunteerId.parse(rs.getString("volunteer_id").trim());
            // a key destroyed after the row was written: the name and note are gone already
            boolean erased = shredded.computeIfAbsent(volunteerId, vault::isShredded);
            String grantId = rs.getString("grant_id");
            return new ActivityView(ActivityId.parse(rs.getString("activity_id").trim()), volunteerId,
                    new CentreId(rs.getString("centre_id")),
                    erased ? null : rs.getString("volunteer_name"),
                    Rows.date(rs, "activity_date"), rs.getInt("minutes"),
                    ActivityCategory.valueOf(rs.getString("category")),
                    erased ? null : rs.getString("note"),
                    grantId == null ? null : new GrantId(UUID.fromString(grantId.trim())),
                    rs.getBoolean("withdrawn"), rs.getBoolean("corrected"), Rows.instant(rs, "logged_at"));
        };
    }
}
