package nrw.komman.query.activity;

import nrw.komman.kernel.activity.ActivityPage;
import nrw.komman.kernel.activity.ActivityView;
import nrw.komman.kernel.activity.FindActivitiesQuery;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import nrw.komman.query.centre.CentreQueries;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

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
        CentreQueries.requireOwnKnownCentre(jdbc, metaData, query.centreId());
        if (query.from() != null && query.to() != null && query.from().isAfter(query.to())) {
            throw new InvalidInputException("period.reversed", "Der Beginn des Zeitraums liegt nach seinem Ende.");
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
        // withdrawn entries are listed (marked) but never counted: the page says how many of them there are
        java.util.Map<String, Object> counts = jdbc.queryForMap("select count(*) as total, "
                + "coalesce(sum(case when a.withdrawn then 1 else 0 end), 0) as withdrawn from activity_view a" + where, p);
        long total = ((Number) counts.get("total")).longValue();
        long withdrawn = ((Number) counts.get("withdrawn")).longValue();
        p.addValue("limit", query.size()).addValue("offset", (long) query.page() * query.size());
        List<ActivityView> items = LogRows.read(jdbc, LogRows.SELECT + where + "\n" + LogRows.ORDER + " limit :limit offset :offset",
                p, vault);
        return new ActivityPage(items, query.page(), query.size(), total, withdrawn);
    }
}
