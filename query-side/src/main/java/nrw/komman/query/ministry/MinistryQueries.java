package nrw.komman.query.ministry;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.Regierungsbezirk;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.grant.GrantStatus;
import nrw.komman.kernel.ministry.CentreFigures;
import nrw.komman.kernel.ministry.FetchMinistryOverviewQuery;
import nrw.komman.kernel.ministry.Figures;
import nrw.komman.kernel.ministry.MinistryOverview;
import nrw.komman.kernel.ministry.RegionFigures;
import nrw.komman.query.common.ReadAccess;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ministry's overview of one funding year, per centre, per Regierungsbezirk and state-wide:
 * counts, minutes and money only, never a name. Sums the per-centre read models of both
 * processing groups:
 * <ul>
 *   <li>active volunteers: volunteers whose status is active now;</li>
 *   <li>activities and minutes (in total and by category): counted (not withdrawn) activities
 *       dated in the funding year;</li>
 *   <li>grants by status: the grants applied for that funding year; {@code requested} sums the
 *       requested amounts of those not withdrawn, {@code approved} the approved amounts;</li>
 *   <li>money of the grants of that funding year whose status counts against the budget
 *       ({@link GrantStatus#countsAgainstBudget()}): {@code disbursed}, {@code spent} (as reported),
 *       {@code reclaimed} (repayment demanded on closing) and {@code repaid};</li>
 *   <li>usage reports overdue: the grants of that funding year marked overdue now (issue 19; the as-of figure is the
 *       annual report's, replayed from the events).</li>
 * </ul>
 * Every centre established during the funding year (and not closed before it) appears, with zeros
 * where nothing happened; every region appears; every map holds every key.
 */
@Component
public class MinistryQueries {

    private final NamedParameterJdbcTemplate jdbc;

    public MinistryQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public MinistryOverview handle(FetchMinistryOverviewQuery query, MetaData metaData) {
        ReadAccess.requireOverviewReader(ReadAccess.actor(metaData));
        int year = query.fundingYear();
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("year", year)
                .addValue("start", LocalDate.of(year, 1, 1))
                .addValue("end", LocalDate.of(year, 12, 31));
        Map<String, Tally> centres = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();

        jdbc.query("""
                select centre_id, name from centre_view
                 where established_on <= :end and (closed_on is null or closed_on >= :start)""", p, rs -> {
            String id = rs.getString("centre_id");
            centres.computeIfAbsent(id, k -> new Tally());
            names.put(id, rs.getString("name"));
        });
        jdbc.query("""
                select centre_id, count(*) as active from volunteer_view
                 where status = 'ACTIVE' group by centre_id""", p, rs -> {
            centres.computeIfAbsent(rs.getString("centre_id"), k -> new Tally()).activeVolunteers += rs.getInt("active");
        });
        jdbc.query("""
                select centre_id, category, activities, minutes from centre_activity_stats
                 where funding_year = :year""", p, rs -> {
            Tally t = centres.computeIfAbsent(rs.getString("centre_id"), k -> new Tally());
            ActivityCategory category = ActivityCategory.valueOf(rs.getString("category"));
            t.activitiesByCategory.merge(category, rs.getLong("activities"), Long::sum);
            t.minutesByCategory.merge(category, rs.getLong("minutes"), Long::sum);
        });
        jdbc.query("""
                select centre_id, status, count(*) as grants, coalesce(sum(requested_cents), 0) as requested,
                       coalesce(sum(approved_cents), 0) as approved, coalesce(sum(disbursed_cents), 0) as disbursed,
                       coalesce(sum(spent_cents), 0) as spent, coalesce(sum(repayment_demanded_cents), 0) as reclaimed,
                       coalesce(sum(repaid_cents), 0) as repaid,
                       sum(case when usage_report_overdue then 1 else 0 end) as overdue
                  from grant_view where funding_year = :year group by centre_id, status""", p, rs -> {
            Tally t = centres.computeIfAbsent(rs.getString("centre_id"), k -> new Tally());
            GrantStatus status = GrantStatus.valueOf(rs.getString("status"));
            t.grantsByStatus.merge(status, rs.getLong("grants"), Long::sum);
            if (status != GrantStatus.WITHDRAWN) {
                t.requestedCents += rs.getLong("requested");
            }
            t.approvedCents += rs.getLong("approved");
            t.usageReportsOverdue += rs.getLong("overdue");
            if (status.countsAgainstBudget()) {
                t.disbursedCents += rs.getLong("disbursed");
                t.spentCents += rs.getLong("spent");
                t.reclaimedCents += rs.getLong("reclaimed");
                t.repaidCents += rs.getLong("repaid");
            }
        });
        fillMissingNames(centres, names);

        List<CentreFigures> centreFigures = new ArrayList<>();
        Map<Regierungsbezirk, Tally> regions = new EnumMap<>(Regierungsbezirk.class);
        Map<Regierungsbezirk, Integer> centresPerRegion = new EnumMap<>(Regierungsbezirk.class);
        for (Regierungsbezirk region : Regierungsbezirk.values()) {
            regions.put(region, new Tally());
            centresPerRegion.put(region, 0);
        }
        Tally state = new Tally();
        centres.forEach((id, tally) -> {
            CentreId centreId = new CentreId(id);
            Regierungsbezirk region = centreId.regierungsbezirk();
            centreFigures.add(new CentreFigures(centreId, names.getOrDefault(id, id), region, tally.figures()));
            regions.get(region).add(tally);
            centresPerRegion.merge(region, 1, Integer::sum);
            state.add(tally);
        });
        List<RegionFigures> regionFigures = new ArrayList<>();
        regions.forEach((region, tally) ->
                regionFigures.add(new RegionFigures(region, centresPerRegion.get(region), tally.figures())));
        return new MinistryOverview(year, state.figures(), List.copyOf(regionFigures), List.copyOf(centreFigures));
    }

    /** Centres with figures but outside the year's established ones (closed, or not yet projected). */
    private void fillMissingNames(Map<String, Tally> centres, Map<String, String> names) {
        List<String> missing = centres.keySet().stream().filter(id -> !names.containsKey(id)).toList();
        if (missing.isEmpty()) {
            return;
        }
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", missing);
        jdbc.query("select centre_id, name from centre_view where centre_id in (:ids)", ids,
                rs -> { names.put(rs.getString("centre_id"), rs.getString("name")); });
        jdbc.query("select distinct centre_id, centre_name from grant_view where centre_id in (:ids) and centre_name is not null",
                ids, rs -> { names.putIfAbsent(rs.getString("centre_id"), rs.getString("centre_name")); });
    }

    /** Running sums of one centre, region or the state. */
    private static final class Tally {
        int activeVolunteers;
        long requestedCents;
        long approvedCents;
        long disbursedCents;
        long spentCents;
        long reclaimedCents;
        long repaidCents;
        long usageReportsOverdue;
        final Map<ActivityCategory, Long> activitiesByCategory = zeros(ActivityCategory.class);
        final Map<ActivityCategory, Long> minutesByCategory = zeros(ActivityCategory.class);
        final Map<GrantStatus, Long> grantsByStatus = zeros(GrantStatus.class);

        void add(Tally other) {
            activeVolunteers += other.activeVolunteers;
            requestedCents += other.requestedCents;
            approvedCents += other.approvedCents;
            disbursedCents += other.disbursedCents;
            spentCents += other.spentCents;
            reclaimedCents += other.reclaimedCents;
            repaidCents += other.repaidCents;
            usageReportsOverdue += other.usageReportsOverdue;
            other.activitiesByCategory.forEach((k, v) -> activitiesByCategory.merge(k, v, Long::sum));
            other.minutesByCategory.forEach((k, v) -> minutesByCategory.merge(k, v, Long::sum));
            other.grantsByStatus.forEach((k, v) -> grantsByStatus.merge(k, v, Long::sum));
        }

        Figures figures() {
            long minutes = minutesByCategory.values().stream().mapToLong(Long::longValue).sum();
            long activities = activitiesByCategory.values().stream().mapToLong(Long::longValue).sum();
            return new Figures(activeVolunteers, minutes, activities,
                    Collections.unmodifiableMap(new EnumMap<>(activitiesByCategory)),
                    Collections.unmodifiableMap(new EnumMap<>(minutesByCategory)),
                    Collections.unmodifiableMap(new EnumMap<>(grantsByStatus)),
                    Money.ofCents(requestedCents), Money.ofCents(approvedCents), Money.ofCents(disbursedCents),
                    Money.ofCents(spentCents), Money.ofCents(reclaimedCents), Money.ofCents(repaidCents), usageReportsOverdue);
        }

        private static <E extends Enum<E>> Map<E, Long> zeros(Class<E> type) {
            Map<E, Long> map = new EnumMap<>(type);
            for (E key : type.getEnumConstants()) {
                map.put(key, 0L);
            }
            return map;
        }
    }
}
