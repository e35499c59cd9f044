package nrw.komman.query.privacy;

import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.privacy.RetentionRunRecordedEvent;
import nrw.komman.query.common.ProcessingGroups;
import nrw.komman.query.common.RebuildableProjection;
import nrw.komman.query.common.Rows;
import nrw.komman.query.common.TableNames;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Projects the records of retention runs ({@code retention_run_view}, ADR 39): one row per run, with who started it
 * (an administrator's account, or the platform on its schedule) and how many it erased; the erased ids stay in the
 * event. Owned by {@code centre-views}, beside the volunteers the runs erase. A run is recorded once (its id is its
 * aggregate's), so a redelivered record finds its row and changes nothing.
 */
@Component
@ProcessingGroup(ProcessingGroups.CENTRE_VIEWS)
public class RetentionRunProjection implements RebuildableProjection {

    /** The tables it writes (ADR 17). */
    private static final TableNames TABLES = TableNames.of("retention_run_view");

    private final NamedParameterJdbcTemplate jdbc;
    private final TableNames tables;

    @Autowired
    public RetentionRunProjection(NamedParameterJdbcTemplate jdbc) {
        this(jdbc, TABLES);
    }

    private RetentionRunProjection(NamedParameterJdbcTemplate jdbc, TableNames tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    @Override
    public TableNames tables() {
        return tables;
    }

    @Override
    public RetentionRunProjection copyOver(TableNames generation) {
        return new RetentionRunProjection(jdbc, generation);
    }

    @EventHandler
    public void on(RetentionRunRecordedEvent event, MetaData metaData, @Timestamp Instant recordedAt) {
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("runId", event.runId())
                .addValue("runOn", event.runOn())
                .addValue("recordedAt", Rows.timestamp(recordedAt))
                .addValue("by", metaData == null || metaData.get(Actor.ACCOUNT) == null ? "unknown" : metaData.get(Actor.ACCOUNT).toString())
                .addValue("role", metaData == null || metaData.get(Actor.ROLE) == null ? "UNKNOWN" : metaData.get(Actor.ROLE).toString())
                .addValue("inactiveYears", event.inactiveYears())
                .addValue("grantFileYears", event.grantFileYears())
                .addValue("erased", event.erased() == null ? 0 : event.erased().size())
                .addValue("grantFilesDue", event.grantFilesDue());
        Integer known = jdbc.queryForObject(tables.sql("select count(*) from {retention_run_view} where run_id = :runId"),
                p, Integer.class);
        if (known == null || known == 0) {
            jdbc.update(tables.sql("""
                    insert into {retention_run_view} (run_id, run_on, recorded_at, started_by, started_by_role, inactive_years,
                                                      grant_file_years, erased, grant_files_due)
                    values (:runId, :runOn, :recordedAt, :by, :role, :inactiveYears, :grantFileYears, :erased, :grantFilesDue)"""), p);
        }
    }

    @ResetHandler
    public void reset() {
        jdbc.getJdbcOperations().update(tables.sql("delete from {retention_run_view}"));
    }
}
