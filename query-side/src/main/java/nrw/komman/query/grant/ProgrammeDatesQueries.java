package nrw.komman.query.grant;

import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.grant.FetchProgrammeDatesQuery;
import nrw.komman.kernel.grant.ProgrammeDates;
import nrw.komman.kernel.grant.ProgrammeDatesOverview;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.query.common.ReadAccess;
import nrw.komman.query.common.Rows;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The dates in force per programme part (issue 19): what the ministry set, the defaults for a part never set. Read by
 * everyone who reads grants: the dates are the programme's rules, not anyone's data.
 */
@Component
public class ProgrammeDatesQueries {

    private final NamedParameterJdbcTemplate jdbc;

    public ProgrammeDatesQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public ProgrammeDatesOverview handle(FetchProgrammeDatesQuery query, MetaData metaData) {
        Actor actor = ReadAccess.actor(metaData);
        ReadAccess.requireGrantReader(actor);
        Map<ProgrammePart, ProgrammeDatesOverview.Row> set = new EnumMap<>(ProgrammePart.class);
        jdbc.query("""
                select programme_part, usage_report_months, reminder_weeks, review_weeks, decision_weeks, set_at, set_by
                  from programme_dates_view""", Map.of(), rs -> {
            ProgrammePart part = Rows.enumOrNull(ProgrammePart.class, rs.getString("programme_part"));
            if (part != null) {
                set.put(part, new ProgrammeDatesOverview.Row(new ProgrammeDates(part, rs.getInt("usage_report_months"),
                        rs.getInt("reminder_weeks"), rs.getInt("review_weeks"), rs.getInt("decision_weeks")), true,
                        Rows.instant(rs, "set_at"), rs.getString("set_by")));
            }
        });
        List<ProgrammeDatesOverview.Row> rows = new ArrayList<>();
        for (ProgrammePart part : ProgrammePart.values()) {
            rows.add(set.getOrDefault(part, new ProgrammeDatesOverview.Row(ProgrammeDates.defaults(part), false, null, null)));
        }
        return new ProgrammeDatesOverview(rows);
    }
}
