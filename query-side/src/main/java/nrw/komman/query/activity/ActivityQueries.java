package nrw.komman.query.activity;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.activity.ActivityPage;
import nrw.komman.kernel.activity.ActivityView;
import nrw.komman.kernel.activity.FindActivitiesQuery;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.query.centre.CentreQueries;
import nrw.komman.query.common.ReadAccess;
import nrw.komman.query.common.Rows;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A centre's activity log, newest first, with the volunteer's name from the roster. Notes and
 * names are personal data: only the centre's coordinators may ask.
 */
@Component
public class ActivityQueries {

    private final NamedParameterJdbcTemplate jdbc;
    private final PersonalDataVault vault;

    public ActivityQueries(NamedParameterJdbcTemplate jdbc, PersonalDataVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    @QueryHandler
    public ActivityPage handle(FindActivitiesQuery query, MetaData metaData) {
        Actor actor = ReadAccess.actor(metaData);
        ReadAccess.requireCoordinator(actor);
        if (query.centreId() == null) {
            throw new InvalidInputException("centreId.missing", "Das Integrationszentrum fehlt.");
        }
        ReadAccess.requirePersonalDataOf(actor, query.centreId());
        if (query.from() != null && query.to() != null && query.from().isAfter(query.to())) {
            throw new InvalidInputException("period.reversed", "Der Beginn des Zeitraums liegt nach seinem Ende.");
        }
        if (!CentreQueries.exists(jdbc, query.centreId())) {
            throw CentreQueries.unknownCentre(query.centreId());
        }
        MapSqlParameterSource p = new MapSqlParameterSource("centreId", query.centreId().value());
        StringBuilder where = new StringBuilder(" where a.centre_id = :centreId");
        if (query.volunteerId() != null) {
            where.append(" and a.volunteer_id = :volunteerId");
            p.addValue("volunteerId", query.volunteerId().toString());
        }
        if (query.from() != null) {
            where.append(" and a.activity_date >= :from");
            p.addValue("from", query.from());
        }
        if (query.to() != null) {
            where.append(" and a.activity_date <= :to");
            p.addValue("to", query.to());
        }
        if (query.category() != null) {
            where.append(" and a.category = :category");
            p.addValue("category", query.category().name());
        }
        Long total = jdbc.queryForObject("select count(*) from activity_view a" + where, p, Long.class);
        p.addValue("limit", query.size()).addValue("offset", (long) query.page() * query.size());
        Map<VolunteerId, Boolean> shredded = new HashMap<>();
        List<ActivityView> items = jdbc.query("""
                select a.activity_id, a.volunteer_id, a.centre_id, a.activity_date, a.minutes, a.category, a.note,
                       a.grant_id, a.withdrawn, a.corrected, a.logged_at, v.name as volunteer_name
                  from activity_view a
                  left join volunteer_view v on v.volunteer_id = a.volunteer_id""" + where + "\n" + """
                 order by a.activity_date desc, a.logged_at desc, a.activity_id
                 limit :limit offset :offset""", p, (rs, i) -> {
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
        });
        return new ActivityPage(items, query.page(), query.size(), total == null ? 0 : total);
    }
}
