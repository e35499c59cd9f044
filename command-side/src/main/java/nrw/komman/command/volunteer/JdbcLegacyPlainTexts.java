package nrw.komman.command.volunteer;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nrw.komman.kernel.activity.ActivityCorrectedEvent;
import nrw.komman.kernel.activity.ActivityWithdrawnEvent;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerRegisteredEvent;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Redaction in place in {@code domain_event_entry} (ADR 21): the rows of the volunteer's aggregate stored in
 * revision 0 (null) of the events that carried free text in plain form get that text set to JSON {@code null};
 * type, revision, metadata, identifiers and every other byte of the payload stay, so the upcasters read the row as
 * before, now with nothing in the legacy field. Runs in the caller's transaction (the erasure's unit of work binds
 * the Spring transaction), so it commits or rolls back with the destroyed key and the erasure's events.
 * <p>
 * The payload is JSON bytes on both databases ({@code bytea} on PostgreSQL, {@code binary varying} on H2), read
 * and written as {@code byte[]}. Only volunteer events are touched: grant events, which the hash chain covers
 * (ADR 8), never hold a volunteer's text.
 */
@Component
public class JdbcLegacyPlainTexts implements LegacyPlainTexts {

    /** The plain free texts of revision 0, by payload type: where in the payload they sit. */
    static final Map<String, JsonPointer> PLAIN_TEXT = Map.of(
            ActivityCorrectedEvent.class.getName(), JsonPointer.compile("/reason"),
            ActivityWithdrawnEvent.class.getName(), JsonPointer.compile("/reason"),
            VolunteerRegisteredEvent.class.getName(), JsonPointer.compile("/consent/document"));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final ObjectProvider<EventSchema> schemaProvider;

    public JdbcLegacyPlainTexts(JdbcTemplate jdbc, ObjectProvider<EventSchema> schemaProvider) {
        this.jdbc = jdbc;
        this.schemaProvider = schemaProvider;
    }

    @Override
    public List<String> redact(VolunteerId volunteerId) {
        String aggregate = volunteerId.toString();
        // the table's names as Axon is configured (the application's snake_case, Axon's defaults in the wiring test)
        EventSchema s = schemaProvider.getIfAvailable(EventSchema::new);
        List<Object[]> rewritten = new ArrayList<>();
        jdbc.query("select " + s.eventIdentifierColumn() + ", " + s.payloadTypeColumn() + ", " + s.payloadColumn()
                + " from " + s.domainEventTable() + " where " + s.aggregateIdentifierColumn() + " = ? and "
                + s.payloadRevisionColumn() + " is null and " + s.payloadTypeColumn() + " in (?, ?, ?) order by "
                + s.sequenceNumberColumn(), rs -> {
            byte[] without = withoutPlainText(PLAIN_TEXT.get(rs.getString(2)), rs.getBytes(3));
            if (without != null) {
                rewritten.add(new Object[]{without, rs.getString(1)});
            }
        }, aggregate, ActivityCorrectedEvent.class.getName(), ActivityWithdrawnEvent.class.getName(),
                VolunteerRegisteredEvent.class.getName());
        if (!rewritten.isEmpty()) {
            jdbc.batchUpdate("update " + s.domainEventTable() + " set " + s.payloadColumn() + " = ? where "
                    + s.eventIdentifierColumn() + " = ?", rewritten);
        }
        List<String> redacted = rewritten.stream().map(row -> (String) row[1]).toList();
        // snapshots are a cache of the events (the platform takes none today, ADR 12): the aggregate reloads from the
        // redacted events instead of from a copy that might hold the text
        jdbc.update("delete from " + s.snapshotTable() + " where " + s.aggregateIdentifierColumn() + " = ?", aggregate);
        return redacted;
    }

    /** The payload with the text at {@code where} set to null; null if there is no text (already redacted). */
    static byte[] withoutPlainText(JsonPointer where, byte[] payload) {
        try {
            JsonNode root = JSON.readTree(payload);
            JsonNode parent = root.at(where.head());
            String field = where.last().getMatchingProperty();
            if (!(parent instanceof ObjectNode object) || object.get(field) == null || object.get(field).isNull()) {
                return null;
            }
            object.putNull(field);
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable payload of a stored event", e);
        }
    }
}
