package nrw.komman.query.activity;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.activity.ActivityView;
import nrw.komman.kernel.activity.CentreDashboard;
import nrw.komman.kernel.activity.FetchCentreDashboardQuery;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import nrw.komman.kernel.volunteer.VolunteerStatus;
import nrw.komman.query.centre.CentreQueries;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The coordinators' start page: the roster counted by status, this year's activities summed by month
 * and category, and the newest entries of the log. Three queries over indexes (the roster's by
 * centre and status, the log's by centre and date): the sums read this year's entries of the one
 * centre once, in the database, instead of the web layer paging through them with a count per page.
 * The newest entries carry names and notes: only the centre's coordinators may ask.
 */
@Component
public class CentreDashboardQueries {

    private final NamedParameterJdbcTemplate jdbc;
    private final PersonalDataVault vault;

    public CentreDashboardQueries(NamedParameterJdbcTemplate jdbc, PersonalDataVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    @QueryHandler
    public CentreDashboard handle(FetchCentreDashboardQuery query, MetaData metaData) {
        CentreQueries.requireOwnKnownCentre(jdbc, metaData, query.centreId());
        if (query.asOf() == null) {
            throw new InvalidInputException("asOf.missing", "Der Stichtag fehlt.");
        }
        LocalDate asOf = query.asOf();
        MapSqlParameterSource p = new MapSqlParameterSource("centreId", query.centreId().value())
                .addValue("from", asOf.withDayOfYear(1)).addValue("to", asOf);

        long[] volunteers = new long[2]; // active, all
        jdbc.query("select status, count(*) as n from volunteer_view where centre_id = :centreId group by status", p,
                (RowCallbackHandler) rs -> {
                    long n = rs.getLong("n");
                    volunteers[1] += n;
                    if (VolunteerStatus.ACTIVE.name().equals(rs.getString("status"))) {
                        volunteers[0] += n;
                    }
                });

        Map<Integer, Map<ActivityCategory, Long>> byMonth = new TreeMap<>();
        for (int month = 1; month <= asOf.getMonthValue(); month++) {
            byMonth.put(month, new EnumMap<>(ActivityCategory.class));
        }
        long[] year = new long[3]; // activities, minutes, minutes this month
        jdbc.query("""
                select extract(month from a.activity_date) as activity_month, a.category, count(*) as n, sum(a.minutes) as minutes
                  from activity_view a
                 where a.centre_id = :centreId and a.activity_date between :from and :to and not a.withdrawn
                 group by extract(month from a.activity_date), a.category""", p, (RowCallbackHandler) rs -> {
            int month = rs.getInt("activity_month");
            long minutes = rs.getLong("minutes");
            byMonth.get(month).merge(ActivityCategory.valueOf(rs.getString("category")), minutes, Long::sum);
            year[0] += rs.getLong("n");
            year[1] += minutes;
            if (month == asOf.getMonthValue()) {
                year[2] += minutes;
            }
        });

        List<ActivityView> latest = LogRows.read(jdbc, LogRows.SELECT + """

                 where a.centre_id = :centreId and a.activity_date between :from and :to and not a.withdrawn
                """ + LogRows.ORDER + " limit " + FetchCentreDashboardQuery.LATEST, p, vault);

        byMonth.replaceAll((month, minutes) -> Collections.unmodifiableMap(minutes));
        return new CentreDashboard(query.centreId(), asOf, volunteers[0], volunteers[1], year[0], year[1], year[2],
                Collections.unmodifiableMap(byMonth), latest);
    }
}
