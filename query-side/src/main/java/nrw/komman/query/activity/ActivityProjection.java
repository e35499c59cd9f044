package nrw.komman.query.activity;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.activity.ActivityCorrectedEvent;
import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.activity.ActivityLoggedEvent;
import nrw.komman.kernel.activity.ActivityWithdrawnEvent;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.privacy.VolunteerDataErasedEvent;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import nrw.komman.kernel.volunteer.SealedText;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.query.common.ProcessingGroups;
import nrw.komman.query.common.ReadModelTables;
import nrw.komman.query.common.Rows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Projects the activity log ({@code activity_view}, one row per activity in its latest state) and
 * the figures derived from it: minutes and activities per volunteer and year
 * ({@code volunteer_year_stats}) and per centre, funding year and category
 * ({@code centre_activity_stats}). A correction can move an activity to another year or category;
 * a withdrawal stops it counting. Owned by {@code centre-views}.
 *
 * <p>Exactness: the figures change by the difference between an activity's old and new state as
 * stored in {@code activity_view}, and a logged activity counts only when its row is inserted, so
 * processing the same event twice changes nothing; the token is stored in the same transaction, so
 * each event is applied once. Three statements per logged activity (insert, two updates): the
 * projection's cost per event bounds live throughput and rebuild speed alike (docs/performance.md).
 */
@Component
@ProcessingGroup(ProcessingGroups.CENTRE_VIEWS)
@ReadModelTables({"activity_view", "volunteer_year_stats", "centre_activity_stats"})
public class ActivityProjection {

    private final NamedParameterJdbcTemplate jdbc;
    private final PersonalDataVault vault;

    public ActivityProjection(NamedParameterJdbcTemplate jdbc, PersonalDataVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    @EventHandler
    public void on(ActivityLoggedEvent event, @Timestamp Instant loggedAt) {
        if (!insert(event.activityId(), event.volunteerId(), event.centreId(), event.date(), event.minutes(),
                event.category(), event.note(), event.grantId(), false, loggedAt)) {
            return; // already projected
        }
        count(event.centreId(), event.volunteerId(), event.date(), event.category(), 1, event.minutes());
    }

    @EventHandler
    public void on(ActivityCorrectedEvent event, @Timestamp Instant correctedAt) {
        Optional<Stored> before = find(event.activityId());
        if (before.isEmpty()) {
            // the log event is missing (should not happen): record the corrected state as it stands
            if (insert(event.activityId(), event.volunteerId(), event.centreId(), event.date(), event.minutes(),
                    event.category(), event.note(), event.grantId(), true, correctedAt)) {
                count(event.centreId(), event.volunteerId(), event.date(), event.category(), 1, event.minutes());
            }
            return;
        }
        Stored old = before.get();
        jdbc.update("""
                update activity_view set activity_date = :date, minutes = :minutes, category = :category,
                       note = :note, grant_id = :grantId, corrected = true
                 where activity_id = :activityId""", new MapSqlParameterSource()
                .addValue("activityId", event.activityId().toString())
                .addValue("date", event.date())
                .addValue("minutes", event.minutes())
                .addValue("category", event.category().name())
                .addValue("note", openNote(event.volunteerId(), event.note()))
                .addValue("grantId", Rows.string(event.grantId())));
        if (!old.withdrawn()) {
            count(old.centreId(), old.volunteerId(), old.date(), old.category(), -1, -old.minutes());
            count(event.centreId(), event.volunteerId(), event.date(), event.category(), 1, event.minutes());
        }
    }

    @EventHandler
    public void on(ActivityWithdrawnEvent event) {
        Optional<Stored> before = find(event.activityId());
        if (before.isEmpty() || before.get().withdrawn()) {
            return;
        }
        Stored old = before.get();
        jdbc.update("update activity_view set withdrawn = true where activity_id = :activityId",
                Map.of("activityId", event.activityId().toString()));
        count(old.centreId(), old.volunteerId(), old.date(), old.category(), -1, -old.minutes());
    }

    /** The volunteer's key is destroyed: their notes go from the log; dates, minutes and categories stay. */
    @EventHandler
    public void on(VolunteerDataErasedEvent event) {
        jdbc.update("update activity_view set note = null where volunteer_id = :volunteerId",
                Map.of("volunteerId", event.volunteerId().toString()));
    }

    @ResetHandler
    public void reset() {
        jdbc.getJdbcOperations().update("delete from centre_activity_stats");
        jdbc.getJdbcOperations().update("delete from volunteer_year_stats");
        jdbc.getJdbcOperations().update("delete from activity_view");
    }

    /** Inserts the activity unless it is there already (the event was delivered before); true when inserted. */
    private boolean insert(ActivityId activityId, VolunteerId volunteerId, CentreId centreId, LocalDate date, int minutes,
                           ActivityCategory category, SealedText note, GrantId grantId, boolean corrected, Instant loggedAt) {
        return jdbc.update("""
                insert into activity_view (activity_id, volunteer_id, centre_id, activity_date, minutes, category,
                                           note, grant_id, withdrawn, corrected, logged_at)
                select :activityId, :volunteerId, :centreId, :date, :minutes, :category,
                       :note, :grantId, false, :corrected, :loggedAt
                 where not exists (select 1 from activity_view where activity_id = :activityId)""", new MapSqlParameterSource()
                .addValue("activityId", activityId.toString())
                .addValue("volunteerId", volunteerId.toString())
                .addValue("centreId", centreId.value())
                .addValue("date", date)
                .addValue("minutes", minutes)
                .addValue("category", category.name())
                .addValue("note", openNote(volunteerId, note))
                .addValue("grantId", Rows.string(grantId))
                .addValue("corrected", corrected)
                .addValue("loggedAt", Rows.timestamp(loggedAt))) == 1;
    }

    private String openNote(VolunteerId volunteerId, SealedText note) {
        return note == null ? null : vault.openText(volunteerId, note).orElse(null);
    }

    /**
     * Changes the figures an activity counts in by its difference: its centre's for the funding year
     * (= calendar year) and category, and its volunteer's for the year.
     */
    private void count(CentreId centreId, VolunteerId volunteerId, LocalDate date, ActivityCategory category,
                       int activities, long minutes) {
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("centreId", centreId.value())
                .addValue("volunteerId", volunteerId.toString())
                .addValue("year", date.getYear())
                .addValue("category", category.name())
                .addValue("activities", activities)
                .addValue("minutes", minutes);
        int updated = jdbc.update("""
                update centre_activity_stats set activities = activities + :activities, minutes = minutes + :minutes
                 where centre_id = :centreId and funding_year = :year and category = :category""", p);
        if (updated == 0) {
            jdbc.update("""
                    insert into centre_activity_stats (centre_id, funding_year, category, activities, minutes)
                    values (:centreId, :year, :category, :activities, :minutes)""", p);
        }
        updated = jdbc.update("""
                update volunteer_year_stats set activities = activities + :activities, minutes = minutes + :minutes
                 where volunteer_id = :volunteerId and activity_year = :year""", p);
        if (updated == 0) {
            jdbc.update("""
                    insert into volunteer_year_stats (volunteer_id, activity_year, activities, minutes)
                    values (:volunteerId, :year, :activities, :minutes)""", p);
        }
    }

    private Optional<Stored> find(ActivityId activityId) {
        List<Stored> rows = jdbc.query("""
                select volunteer_id, centre_id, activity_date, minutes, category, withdrawn
                  from activity_view where activity_id = :activityId""",
                Map.of("activityId", activityId.toString()),
                (rs, i) -> new Stored(VolunteerId.parse(rs.getString("volunteer_id").trim()),
                        new CentreId(rs.getString("centre_id")), Rows.date(rs, "activity_date"),
                        rs.getInt("minutes"), ActivityCategory.valueOf(rs.getString("category")),
                        rs.getBoolean("withdrawn")));
        return rows.stream().findFirst();
    }

    /** What the log holds of an activity before an event changes it. */
    private record Stored(VolunteerId volunteerId, CentreId centreId, LocalDate date, int minutes,
                          ActivityCategory category, boolean withdrawn) {
    }
}
