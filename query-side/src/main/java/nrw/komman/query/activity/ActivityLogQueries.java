package nrw.komman.query.activity;

import nrw.komman.kernel.activity.ActivityLogSort;
import nrw.komman.kernel.activity.ActivityPage;
import nrw.komman.kernel.activity.ActivityView;
import nrw.komman.kernel.activity.FindActivityLogQuery;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import nrw.komman.query.centre.CentreQueries;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A centre's activity log for a period, sorted by any of its columns: the page "Einsatzprotokoll" and its exports.
 * The volunteers' names are sealed (ADR 22), so the period's entries are read by the index on centre and date,
 * opened with one look-up of their keys, sorted and paged in memory; the period is at most a year
 * ({@link nrw.komman.kernel.activity.LogPeriod}). Only the centre's coordinators may ask.
 */
@Component
public class ActivityLogQueries {

    /** The log's own order, newest first, the id making it total: every sort's tie-breaker. */
    private static final Comparator<ActivityView> NEWEST_FIRST = Comparator.comparing(ActivityView::date).reversed()
            .thenComparing(ActivityView::loggedAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(a -> a.activityId().toString());

    private final NamedParameterJdbcTemplate jdbc;
    private final PersonalDataVault vault;

    public ActivityLogQueries(NamedParameterJdbcTemplate jdbc, PersonalDataVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    @QueryHandler
    public ActivityPage handle(FindActivityLogQuery query, MetaData metaData) {
        CentreQueries.requireOwnKnownCentre(jdbc, metaData, query.centreId());
        MapSqlParameterSource p = new MapSqlParameterSource("centreId", query.centreId().value())
                .addValue("from", query.from()).addValue("to", query.to());
        List<ActivityView> all = LogRows.read(jdbc, LogRows.SELECT
                + " where a.centre_id = :centreId and a.activity_date >= :from and a.activity_date <= :to", p, vault);
        Map<GrantId, String> titles = query.sort() == ActivityLogSort.GRANT ? grantTitles(query, p) : Map.of();
        List<ActivityView> sorted = all.stream().sorted(order(query.sort(), query.descending(), titles)).toList();
        long from = (long) query.page() * query.size();
        List<ActivityView> page = from >= sorted.size() ? List.of()
                : sorted.subList((int) from, (int) Math.min(sorted.size(), from + query.size()));
        return new ActivityPage(page, query.page(), query.size(), sorted.size(),
                all.stream().filter(ActivityView::withdrawn).count());
    }

    /**
     * The column's order (reversed when descending), then newest first. Empty values (an erased volunteer's name, no
     * grant) stay last in either direction.
     */
    static Comparator<ActivityView> order(ActivityLogSort sort, boolean descending, Map<GrantId, String> grantTitles) {
        Comparator<ActivityView> column = switch (sort == null ? ActivityLogSort.DATE : sort) {
            case DATE -> Comparator.comparing(ActivityView::date);
            case VOLUNTEER -> null;
            case CATEGORY -> Comparator.comparing(a -> a.category().germanName(), String.CASE_INSENSITIVE_ORDER);
            case DURATION -> Comparator.comparingInt(ActivityView::minutes);
            case GRANT -> null;
            case STATUS -> Comparator.comparingInt(ActivityLogQueries::statusRank);
        };
        if (column != null) {
            return (descending ? column.reversed() : column).thenComparing(NEWEST_FIRST);
        }
        Comparator<String> text = descending ? Comparator.<String>reverseOrder() : Comparator.<String>naturalOrder();
        Comparator<ActivityView> withEmptyLast = sort == ActivityLogSort.VOLUNTEER
                ? Comparator.comparing(a -> a.volunteerName() == null ? null : a.volunteerName().toLowerCase(Locale.ROOT),
                Comparator.nullsLast(text))
                : Comparator.comparing(a -> a.grantId() == null ? null
                        : grantTitles.getOrDefault(a.grantId(), "").toLowerCase(Locale.ROOT), Comparator.nullsLast(text));
        return withEmptyLast.thenComparing(NEWEST_FIRST);
    }

    /** Logged, corrected, withdrawn: the entries that count first. */
    private static int statusRank(ActivityView a) {
        return a.withdrawn() ? 2 : a.corrected() ? 1 : 0;
    }

    private Map<GrantId, String> grantTitles(FindActivityLogQuery query, MapSqlParameterSource p) {
        Map<GrantId, String> titles = new HashMap<>();
        jdbc.query("select grant_id, title from grant_view where centre_id = :centreId", p,
                (RowCallbackHandler) rs -> titles.put(new GrantId(UUID.fromString(rs.getString("grant_id").trim())),
                        rs.getString("title")));
        return titles;
    }
}
