package nrw.komman.query.grant;

import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.grant.ProgrammeDates;
import nrw.komman.kernel.grant.ProgrammeDatesSetEvent;
import nrw.komman.query.common.ProcessingGroups;
import nrw.komman.query.common.RebuildableProjection;
import nrw.komman.query.common.Rows;
import nrw.komman.query.common.TableNames;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Projects the dates the ministry set per programme part ({@code programme_dates_view}, issue 19), one row per part
 * that was ever set; a part without a row has {@link ProgrammeDates#defaults}. Owned by {@code grant-views} like the
 * grants. An event whose sequence number the part has already seen changes nothing, so a redelivered older setting
 * never overwrites a newer one.
 */
@Component
@ProcessingGroup(ProcessingGroups.GRANT_VIEWS)
public class ProgrammeDatesProjection implements RebuildableProjection {

    /** The tables it writes (ADR 17). */
    private static final TableNames TABLES = TableNames.of("programme_dates_view");

    private final NamedParameterJdbcTemplate jdbc;
    private final TableNames tables;

    @Autowired
    public ProgrammeDatesProjection(NamedParameterJdbcTemplate jdbc) {
        this(jdbc, TABLES);
    }

    private ProgrammeDatesProjection(NamedParameterJdbcTemplate jdbc, TableNames tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    @Override
    public TableNames tables() {
        return tables;
    }

    @Override
    public ProgrammeDatesProjection copyOver(TableNames generation) {
        return new ProgrammeDatesProjection(jdbc, generation);
    }

    @EventHandler
    public void on(ProgrammeDatesSetEvent event, MetaData metaData, @Timestamp Instant occurredAt,
                   @SequenceNumber long sequence) {
        ProgrammeDates dates = event.after();
        String part = dates.part().name();
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("part", part)
                .addValue("months", dates.usageReportMonthsAfterYearEnd())
                .addValue("reminder", dates.reminderWeeksBefore())
                .addValue("review", dates.reviewWithinWeeks())
                .addValue("decision", dates.decisionWithinWeeks())
                .addValue("reason", event.reason())
                .addValue("setAt", Rows.timestamp(occurredAt))
                .addValue("setBy", Rows.string(metaData == null ? null : metaData.get(Actor.ACCOUNT)))
                .addValue("sequence", sequence);
        List<Long> seen = jdbc.queryForList(tables.sql(
                        "select last_sequence from {programme_dates_view} where programme_part = :part"),
                Map.of("part", part), Long.class);
        if (seen.isEmpty()) {
            jdbc.update(tables.sql("""
                    insert into {programme_dates_view} (programme_part, usage_report_months, reminder_weeks, review_weeks,
                                                      decision_weeks, reason, set_at, set_by, last_sequence)
                    values (:part, :months, :reminder, :review, :decision, :reason, :setAt, :setBy, :sequence)"""), p);
        } else if (sequence > seen.get(0)) {
            jdbc.update(tables.sql("""
                    update {programme_dates_view} set usage_report_months = :months, reminder_weeks = :reminder,
                           review_weeks = :review, decision_weeks = :decision, reason = :reason, set_at = :setAt,
                           set_by = :setBy, last_sequence = :sequence
                     where programme_part = :part"""), p);
        }
    }

    @ResetHandler
    public void reset() {
        jdbc.getJdbcOperations().update(tables.sql("delete from {programme_dates_view}"));
    }
}
