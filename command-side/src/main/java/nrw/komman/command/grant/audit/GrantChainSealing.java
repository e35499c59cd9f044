package nrw.komman.command.grant.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Seals the grants written before the chain existed, once: at the first start after migration V11,
 * every grant that has events but no link at all gets its chain over its events as they are stored
 * at that moment. The history before the upgrade is therefore vouched for only from the upgrade on
 * (ADR 8); the heads logged here are worth filing.
 * <p>
 * It runs once per database, not on every start: V11 leaves a pending marker in
 * {@code grant_audit_chain_sealing}, taken with a row lock (several nodes starting together seal once)
 * and set in the same transaction. Links deleted later are therefore reported by verification, never
 * silently re-created. It starts before the web server accepts requests, so no command of a user
 * races it on this node.
 */
@Component
public class GrantChainSealing implements SmartLifecycle {

    /** Before the web server (Spring Boot starts it at {@code DEFAULT_PHASE - 1024}), after Axon's components. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Logger log = LoggerFactory.getLogger(GrantChainSealing.class);

    private final GrantChainTables tables;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private volatile boolean running;

    public GrantChainSealing(GrantChainTables tables, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                             Clock clock) {
        this.tables = tables;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** What the sealing did: how many grants and events it chained (both 0 when it was not pending). */
    public record Sealed(int grants, int events) {
    }

    @Override
    public void start() {
        sealHistoriesWrittenBeforeTheChain();
        running = true;
    }

    /**
     * Chains every grant without any link, if the one-time sealing is still pending, and marks it done.
     * One transaction: either all of them are sealed and the marker is set, or nothing is.
     */
    public Sealed sealHistoriesWrittenBeforeTheChain() {
        return transaction.execute(status -> {
            List<Timestamp> marker = jdbc.queryForList(
                    "select sealed_at from grant_audit_chain_sealing where id = 1 for update", Timestamp.class);
            if (marker.isEmpty() || marker.get(0) != null) {
                return new Sealed(0, 0);
            }
            Instant now = clock.instant();
            int grants = 0;
            int events = 0;
            for (String grantId : tables.grantsWithoutAnyLink()) {
                List<StoredEvent> stored = tables.events(grantId);
                String link = GrantChain.GENESIS;
                long expected = 0;
                for (StoredEvent event : stored) {
                    if (event.sequenceNumber() != expected) {
                        log.warn("Grant {}: event {} follows {} in the stored history being sealed; verification will report the gap",
                                grantId, event.sequenceNumber(), expected - 1);
                    }
                    link = GrantChain.link(link, event);
                    tables.record(grantId, event.sequenceNumber(), event.eventIdentifier(), link, now);
                    expected = event.sequenceNumber() + 1;
                    events++;
                }
                log.info("Grant {}: history of {} events sealed at the upgrade, head {}", grantId, stored.size(), link);
                grants++;
            }
            jdbc.update("update grant_audit_chain_sealing set sealed_at = ? where id = 1", Timestamp.from(now));
            log.info("Grant hash chain: sealed {} grants with {} events written before the chain existed (once, at the upgrade)",
                    grants, events);
            return new Sealed(grants, events);
        });
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
