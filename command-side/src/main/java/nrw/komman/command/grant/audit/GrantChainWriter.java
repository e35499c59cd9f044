package nrw.komman.command.grant.audit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Writes the next link of a grant's chain for every grant event, in the transaction that appends the
 * event. It runs in the subscribing processor {@value #PROCESSING_GROUP} (see
 * {@link GrantChainConfiguration}), which Axon calls in the publishing unit of work right after the
 * storage engine has appended the events; any failure propagates and rolls the command back, so an
 * event is never stored without its link.
 * <p>
 * The link is computed from the row read back from the event table (by event identifier, on the
 * same connection), not from the message: writer and verifier hash exactly the same stored bytes
 * through the same code. With a storage engine other than Axon's JDBC engine (Axon Server, ADR 8)
 * there is no such row in this database and the writer stays off.
 */
@Component
@ProcessingGroup(GrantChainWriter.PROCESSING_GROUP)
public class GrantChainWriter {

    public static final String PROCESSING_GROUP = "grant-audit-chain";

    private static final Logger log = LoggerFactory.getLogger(GrantChainWriter.class);

    private final GrantChainTables tables;
    private final Clock clock;
    private final ObjectProvider<EventStorageEngine> storageEngine;
    private volatile Boolean active;

    public GrantChainWriter(GrantChainTables tables, Clock clock, ObjectProvider<EventStorageEngine> storageEngine) {
        this.tables = tables;
        this.clock = clock;
        this.storageEngine = storageEngine;
    }

    @EventHandler
    public void on(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domainEvent
                && GrantChain.AGGREGATE_TYPE.equals(domainEvent.getType()) && active()) {
            chain(domainEvent);
        }
    }

    private void chain(DomainEventMessage<?> event) {
        String grantId = event.getAggregateIdentifier();
        long sequence = event.getSequenceNumber();
        StoredEvent stored = tables.eventByIdentifier(event.getIdentifier()).orElseThrow(() -> new GrantChainTables.ChainWriteFailed(
                "Event " + event.getIdentifier() + " of grant " + grantId + " is not visible in the event table of this "
                        + "transaction; the chain needs the event store in the same database transaction", null));
        if (!grantId.equals(stored.aggregateIdentifier()) || stored.sequenceNumber() != sequence) {
            throw new GrantChainTables.ChainWriteFailed("Event " + event.getIdentifier() + " is stored as "
                    + stored.aggregateIdentifier() + "#" + stored.sequenceNumber() + ", not as " + grantId + "#" + sequence, null);
        }
        String previous = sequence == 0 ? GrantChain.GENESIS : tables.link(grantId, sequence - 1).orElseThrow(() ->
                new GrantChainTables.ChainWriteFailed("The hash chain of grant " + grantId + " has no link at sequence "
                        + (sequence - 1) + "; event " + sequence + " cannot be chained (verify the grant's chain)", null));
        tables.record(grantId, sequence, stored.eventIdentifier(), GrantChain.link(previous, stored), clock.instant());
    }

    private boolean active() {
        Boolean current = active;
        if (current == null) {
            EventStorageEngine engine = storageEngine.getIfAvailable();
            current = engine instanceof JdbcEventStorageEngine;
            if (!current) {
                log.warn("Grant hash chain is off: the event store is not Axon's JDBC engine in this database ({})",
                        engine == null ? "no storage engine" : engine.getClass().getName());
            }
            active = current;
        }
        return current;
    }
}
