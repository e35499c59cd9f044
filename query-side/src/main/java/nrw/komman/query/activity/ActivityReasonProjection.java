package nrw.komman.query.activity;

import nrw.komman.kernel.activity.ActivityCorrectedEvent;
import nrw.komman.kernel.activity.ActivityWithdrawnEvent;
import nrw.komman.kernel.privacy.VolunteerDataErasedEvent;
import nrw.komman.kernel.privacy.VolunteerDataExport.ChangeKind;
import nrw.komman.kernel.volunteer.SealedText;
import nrw.komman.query.common.ProcessingGroups;
import nrw.komman.query.common.RebuildableProjection;
import nrw.komman.query.common.Rows;
import nrw.komman.query.common.TableNames;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The reasons of the corrections and withdrawals of activities ({@code activity_reason}, V34), for the access
 * export (Art. 15, ADR 21): one row per such event, the reason as the event's ciphertext (never opened here), or
 * the plain reason of an event stored before reasons were sealed. The erasure nulls both; the row stays as the
 * record that and when a correction or withdrawal happened. Owned by {@code centre-views}, beside the activity log.
 */
@Component
@ProcessingGroup(ProcessingGroups.CENTRE_VIEWS)
public class ActivityReasonProjection implements RebuildableProjection {

    private static final TableNames TABLES = TableNames.of("activity_reason");

    private final NamedParameterJdbcTemplate jdbc;
    private final TableNames tables;

    @Autowired
    public ActivityReasonProjection(NamedParameterJdbcTemplate jdbc) {
        this(jdbc, TABLES);
    }

    private ActivityReasonProjection(NamedParameterJdbcTemplate jdbc, TableNames tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    @Override
    public TableNames tables() {
        return tables;
    }

    @Override
    public ActivityReasonProjection copyOver(TableNames generation) {
        return new ActivityReasonProjection(jdbc, generation);
    }

    @EventHandler
    public void on(ActivityCorrectedEvent event, @MessageIdentifier String eventId, @SequenceNumber Long sequenceNumber,
                   @Timestamp Instant at) {
        record(eventId, event.activityId().toString(), event.volunteerId().toString(), sequenceNumber, ChangeKind.CORRECTION, at,
                event.reason(), event.legacyReason());
    }

    @EventHandler
    public void on(ActivityWithdrawnEvent event, @MessageIdentifier String eventId, @SequenceNumber Long sequenceNumber,
                   @Timestamp Instant at) {
        record(eventId, event.activityId().toString(), event.volunteerId().toString(), sequenceNumber, ChangeKind.WITHDRAWAL, at,
                event.reason(), event.legacyReason());
    }

    /** The key is destroyed: the ciphertext is useless and the legacy plain text must go. */
    @EventHandler
    public void on(VolunteerDataErasedEvent event) {
        jdbc.update(tables.sql("""
                update {activity_reason} set reason_sealed = null, legacy_reason = null where volunteer_id = :volunteerId"""),
                new MapSqlParameterSource("volunteerId", event.volunteerId().toString()));
    }

    @ResetHandler
    public void reset() {
        jdbc.getJdbcOperations().update(tables.sql("delete from {activity_reason}"));
    }

    private void record(String eventId, String activityId, String volunteerId, Long sequenceNumber, ChangeKind kind, Instant at,
                        SealedText reason, String legacyReason) {
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("eventId", eventId)
                .addValue("activityId", activityId)
                .addValue("volunteerId", volunteerId)
                .addValue("sequenceNumber", sequenceNumber == null ? 0L : sequenceNumber)
                .addValue("kind", kind.name())
                .addValue("recordedAt", Rows.timestamp(at))
                .addValue("reasonSealed", reason == null ? null : reason.ciphertext())
                .addValue("legacyReason", legacyReason);
        // an event handled twice changes nothing
        Integer known = jdbc.queryForObject(tables.sql("select count(*) from {activity_reason} where event_id = :eventId"), p,
                Integer.class);
        if (known == null || known == 0) {
            jdbc.update(tables.sql("""
                    insert into {activity_reason} (event_id, activity_id, volunteer_id, sequence_number, kind, recorded_at,
                                                   reason_sealed, legacy_reason)
                    values (:eventId, :activityId, :volunteerId, :sequenceNumber, :kind, :recordedAt, :reasonSealed,
                            :legacyReason)"""), p);
        }
    }
}
