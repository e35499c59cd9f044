package nrw.komman.query.coordination;

import nrw.komman.kernel.centre.Regierungsbezirk;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.coordination.CoordinationFigures;
import nrw.komman.kernel.coordination.FetchCoordinationFiguresQuery;
import nrw.komman.kernel.coordination.HelpRequestStatus;
import nrw.komman.kernel.coordination.UnmetDemand;
import nrw.komman.query.common.ReadAccess;
import nrw.komman.query.common.Rows;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The state's coordination figures for the ministry, the grant authority and auditors (issue 18): counts only,
 * never a name, a place or a requester. As of a day: the state of each request at that day's end, from the status
 * its events left it in ({@code help_request_status}), so the figures of a past day stay what they were; a request
 * counts as escalated unstaffed from the status row of that fact on (issue 19).
 */
@Component
public class CoordinationFiguresQueries {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    @Autowired
    public CoordinationFiguresQueries(NamedParameterJdbcTemplate jdbc, ObjectProvider<Clock> clock) {
        this(jdbc, clock.getIfAvailable(Nrw::systemClock));
    }

    public CoordinationFiguresQueries(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @QueryHandler
    public CoordinationFigures handle(FetchCoordinationFiguresQuery query, MetaData metaData) {
        Actor actor = ReadAccess.actor(metaData);
        ReadAccess.requireOverviewReader(actor);
        LocalDate asOf = query.asOf() != null ? query.asOf() : Nrw.today(clock);
        Instant cut = query.asOf() != null ? query.asOf().plusDays(1).atStartOfDay(Nrw.ZONE).toInstant() : Instant.now(clock);
        MapSqlParameterSource p = new MapSqlParameterSource("cut", Rows.timestamp(cut));
        Map<String, Request> requests = new HashMap<>();
        jdbc.query("""
                select request_id, region, languages, volunteers_needed, starts_at, opened_at
                  from help_request_view where opened_at < :cut""", p, (RowCallbackHandler) rs -> requests.put(
                rs.getString("request_id").trim(), new Request(Regierungsbezirk.valueOf(rs.getString("region")),
                        Codes.languages(rs.getString("languages")), rs.getInt("volunteers_needed"),
                        Rows.instant(rs, "starts_at"), Rows.instant(rs, "opened_at"))));
        jdbc.query("""
                select request_id, changed_at, status, confirmed, unstaffed from help_request_status
                 where changed_at < :cut order by request_id, changed_at, sequence_number""", p, (RowCallbackHandler) rs -> {
            Request r = requests.get(rs.getString("request_id").trim());
            if (r != null) {
                r.after(HelpRequestStatus.valueOf(rs.getString("status")), rs.getInt("confirmed"), Rows.instant(rs, "changed_at"));
                r.escalatedUnstaffed |= rs.getBoolean("unstaffed");
            }
        });
        return figures(asOf, requests.values());
    }

    /** The figures of the requests in their state at the cut; the same requests give the same figures in any order. */
    static CoordinationFigures figures(LocalDate asOf, java.util.Collection<Request> requests) {
        Map<HelpRequestStatus, Integer> byState = new HashMap<>();
        List<Double> hoursToStaff = new ArrayList<>();
        Map<Regierungsbezirk, Map<String, int[]>> unmet = new TreeMap<>();
        int everStaffed = 0;
        int escalatedUnstaffed = 0;
        for (Request r : requests) {
            escalatedUnstaffed += r.escalatedUnstaffed ? 1 : 0;
            byState.merge(r.status, 1, Integer::sum);
            if (r.staffedAt != null) {
                everStaffed++;
                hoursToStaff.add(Duration.between(r.openedAt, r.staffedAt).toMinutes() / 60.0);
            }
            boolean live = r.status == HelpRequestStatus.OPEN || r.status == HelpRequestStatus.PARTLY_STAFFED;
            // closed without ever being staffed after its help was due: demand that went unmet
            boolean closedShort = r.status == HelpRequestStatus.CLOSED && r.staffedAt == null
                    && r.closedAt != null && r.startsAt.isBefore(r.closedAt);
            int missing = Math.max(0, r.needed - (closedShort ? r.confirmedAtClose : r.confirmed));
            if ((live || closedShort) && missing > 0) {
                for (String language : r.languages) {
                    int[] sums = unmet.computeIfAbsent(r.region, k -> new TreeMap<>()).computeIfAbsent(language, k -> new int[2]);
                    sums[0]++;
                    sums[1] += missing;
                }
            }
        }
        List<UnmetDemand> demand = new ArrayList<>();
        unmet.forEach((region, byLanguage) -> byLanguage.forEach((language, sums) ->
                demand.add(new UnmetDemand(region, language, sums[0], sums[1]))));
        return new CoordinationFigures(asOf, requests.size(), byState.getOrDefault(HelpRequestStatus.OPEN, 0),
                byState.getOrDefault(HelpRequestStatus.PARTLY_STAFFED, 0), byState.getOrDefault(HelpRequestStatus.STAFFED, 0),
                byState.getOrDefault(HelpRequestStatus.CANCELLED, 0), byState.getOrDefault(HelpRequestStatus.CLOSED, 0),
                everStaffed, median(hoursToStaff), List.copyOf(demand), escalatedUnstaffed);
    }

    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** One request as the figures see it, its state moved on by each of its changes up to the cut. */
    static final class Request {
        final Regierungsbezirk region;
        final Set<String> languages;
        final int needed;
        final Instant startsAt;
        final Instant openedAt;
        HelpRequestStatus status = HelpRequestStatus.OPEN;
        int confirmed;
        Instant staffedAt;
        Instant closedAt;
        /** The places confirmed when it was closed (its unfinished assignments lapse after). */
        int confirmedAtClose;
        /** The platform found it not staffed before it started (by the cut). */
        boolean escalatedUnstaffed;

        Request(Regierungsbezirk region, Set<String> languages, int needed, Instant startsAt, Instant openedAt) {
            this.region = region;
            this.languages = languages;
            this.needed = needed;
            this.startsAt = startsAt;
            this.openedAt = openedAt;
        }

        void after(HelpRequestStatus status, int confirmed, Instant at) {
            if (status == HelpRequestStatus.STAFFED && staffedAt == null) {
                staffedAt = at;
            }
            if (status == HelpRequestStatus.CLOSED && closedAt == null) {
                closedAt = at;
                confirmedAtClose = confirmed;
            }
            this.status = status;
            this.confirmed = confirmed;
        }
    }
}
