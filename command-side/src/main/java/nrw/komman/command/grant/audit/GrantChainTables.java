package nrw.komman.command.grant.audit;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The two tables of the chain: Axon's event table (read only, raw bytes, with the column names of the
 * configured {@link EventSchema}) and {@code grant_audit_chain} (migration V11). Uses the Spring-managed
 * connection of the current transaction, like Axon's JDBC storage engine: in a command, the events it
 * has just appended are visible here before they commit.
 */
@Component
public class GrantChainTables {

    private final JdbcTemplate jdbc;
    private final ObjectProvider<EventSchema> schemaProvider;
    private volatile Sql sql;

    public GrantChainTables(JdbcTemplate jdbc, ObjectProvider<EventSchema> schemaProvider) {
        this.jdbc = jdbc;
        this.schemaProvider = schemaProvider;
    }

    /** One recorded link: which event (by identifier) it chained at which position. */
    public record ChainLink(long sequenceNumber, String eventIdentifier, String link) {
    }

    /** A grant's stored events and recorded links, both ordered by sequence number, read in one statement. */
    public record GrantRows(List<StoredEvent> events, List<ChainLink> links) {

        public boolean isEmpty() {
            return events.isEmpty() && links.isEmpty();
        }
    }

    /** Thrown when a link cannot be recorded; the command that caused the event rolls back. */
    public static final class ChainWriteFailed extends IllegalStateException {

        ChainWriteFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public Optional<StoredEvent> eventByIdentifier(String eventIdentifier) {
        return jdbc.query(sql().eventByIdentifier, sql().eventRow, eventIdentifier).stream().findFirst();
    }

    /** The stored events of one aggregate in sequence order. */
    public List<StoredEvent> events(String aggregateIdentifier) {
        return jdbc.query(sql().eventsOfAggregate, sql().eventRow, aggregateIdentifier);
    }

    public Optional<String> link(String grantId, long sequenceNumber) {
        return jdbc.queryForList("select link from grant_audit_chain where grant_id = ? and sequence_number = ?",
                String.class, grantId, sequenceNumber).stream().findFirst().map(String::trim);
    }

    public void record(String grantId, long sequenceNumber, String eventIdentifier, String link, Instant recordedAt) {
        try {
            jdbc.update("insert into grant_audit_chain (grant_id, sequence_number, event_identifier, link, recorded_at)"
                            + " values (?, ?, ?, ?, ?)",
                    grantId, sequenceNumber, eventIdentifier, link, Timestamp.from(recordedAt));
        } catch (DuplicateKeyException e) {
            throw new ChainWriteFailed("The hash chain of grant " + grantId + " already has a link at sequence "
                    + sequenceNumber + " (or for event " + eventIdentifier + "); the chain and the event store disagree", e);
        }
    }

    /**
     * Events and links of one grant in a single statement, so that a command committing meanwhile is
     * seen with both its event and its link or with neither (no false alarm on a busy grant).
     */
    public GrantRows rows(String grantId) {
        List<StoredEvent> events = new ArrayList<>();
        List<ChainLink> links = new ArrayList<>();
        Sql q = sql();
        jdbc.query(q.eventsAndLinks, rs -> {
            if ("E".equals(rs.getString("row_kind").trim())) {
                events.add(new StoredEvent(rs.getString("aggregate_id"), rs.getLong("seq_no"), rs.getString("event_id"),
                        rs.getString("time_stamp_text"), rs.getString("aggregate_type"), rs.getString("payload_type_name"),
                        rs.getString("payload_rev"), rs.getBytes("payload_bytes"), rs.getBytes("meta_data_bytes")));
            } else {
                String link = rs.getString("link_hex");
                links.add(new ChainLink(rs.getLong("seq_no"), rs.getString("event_id"), link == null ? null : link.trim()));
            }
        }, grantId, grantId);
        events.sort(Comparator.comparingLong(StoredEvent::sequenceNumber));
        links.sort(Comparator.comparingLong(ChainLink::sequenceNumber));
        return new GrantRows(List.copyOf(events), List.copyOf(links));
    }

    /** Grants that have events but not a single link (written before the chain existed). */
    public List<String> grantsWithoutAnyLink() {
        return jdbc.queryForList(sql().grantsWithoutAnyLink, String.class, GrantChain.AGGREGATE_TYPE);
    }

    private Sql sql() {
        Sql current = sql;
        if (current == null) {
            current = new Sql(schemaProvider.getIfAvailable(EventSchema::new));
            sql = current;
        }
        return current;
    }

    /** The statements, with the event table's names from Axon's configured schema. */
    private static final class Sql {

        final String eventByIdentifier;
        final String eventsOfAggregate;
        final String eventsAndLinks;
        final String grantsWithoutAnyLink;
        final RowMapper<StoredEvent> eventRow;

        Sql(EventSchema s) {
            String columns = String.join(", ", s.aggregateIdentifierColumn(), s.sequenceNumberColumn(),
                    s.eventIdentifierColumn(), s.timestampColumn(), s.typeColumn(), s.payloadTypeColumn(),
                    s.payloadRevisionColumn(), s.payloadColumn(), s.metaDataColumn());
            eventByIdentifier = "select " + columns + " from " + s.domainEventTable()
                    + " where " + s.eventIdentifierColumn() + " = ?";
            eventsOfAggregate = "select " + columns + " from " + s.domainEventTable()
                    + " where " + s.aggregateIdentifierColumn() + " = ? order by " + s.sequenceNumberColumn();
            eventsAndLinks = "select 'E' as row_kind, " + s.sequenceNumberColumn() + " as seq_no, "
                    + s.eventIdentifierColumn() + " as event_id, " + s.aggregateIdentifierColumn() + " as aggregate_id, "
                    + s.timestampColumn() + " as time_stamp_text, " + s.typeColumn() + " as aggregate_type, "
                    + s.payloadTypeColumn() + " as payload_type_name, " + s.payloadRevisionColumn() + " as payload_rev, "
                    + s.payloadColumn() + " as payload_bytes, " + s.metaDataColumn() + " as meta_data_bytes, "
                    + "null as link_hex from " + s.domainEventTable() + " where " + s.aggregateIdentifierColumn() + " = ?"
                    + " union all"
                    + " select 'L', sequence_number, event_identifier, grant_id, null, null, null, null, null, null, link"
                    + " from grant_audit_chain where grant_id = ?";
            grantsWithoutAnyLink = "select distinct e." + s.aggregateIdentifierColumn() + " from " + s.domainEventTable()
                    + " e where e." + s.typeColumn() + " = ? and not exists (select 1 from grant_audit_chain c"
                    + " where c.grant_id = e." + s.aggregateIdentifierColumn() + ")";
            eventRow = (ResultSet rs, int i) -> event(rs);
        }

        private static StoredEvent event(ResultSet rs) throws SQLException {
            return new StoredEvent(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getString(7), rs.getBytes(8), rs.getBytes(9));
        }
    }
}
