package nrw.komman.query.privacy;

import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.privacy.FindRetentionRunsQuery;
import nrw.komman.kernel.privacy.RetentionRunSummary;
import nrw.komman.query.common.ReadAccess;
import nrw.komman.query.common.Rows;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** The latest retention runs for the administrators' page (ADR 39): by hand or on the platform's schedule. */
@Component
public class RetentionRunQueries {

    /** The page shows the latest runs; older ones stay in the event store. */
    static final int LATEST = 30;

    private final NamedParameterJdbcTemplate jdbc;

    public RetentionRunQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public List<RetentionRunSummary> handle(FindRetentionRunsQuery query, MetaData metaData) {
        ReadAccess.requireAdministrator(ReadAccess.actor(metaData));
        return jdbc.query("""
                select * from retention_run_view order by recorded_at desc, run_id desc limit :latest""",
                Map.of("latest", LATEST), (rs, i) -> new RetentionRunSummary(rs.getString("run_id"), Rows.date(rs, "run_on"),
                        Rows.instant(rs, "recorded_at"), rs.getString("started_by"),
                        AccountRole.SYSTEM.name().equals(rs.getString("started_by_role")),
                        rs.getInt("inactive_years"), rs.getInt("grant_file_years"), rs.getInt("erased"),
                        rs.getInt("grant_files_due")));
    }
}
