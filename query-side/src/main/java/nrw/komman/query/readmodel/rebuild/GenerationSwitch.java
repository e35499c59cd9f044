package nrw.komman.query.readmodel.rebuild;

import nrw.komman.kernel.admin.RebuildProgress.State;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Generations and the switch (ADR 11): a rebuild's tables are created empty beside the current ones,
 * and once its replay has caught up they take the current tables' names while the live processor
 * takes the replay's tokens. On PostgreSQL that is one transaction under table locks. H2 commits each
 * DDL statement on its own, so every step may be repeated and a switch stopped halfway is completed,
 * never undone. A switch that fails before that point is tried again; after three failures the
 * rebuild fails and its tables are dropped.
 */
final class GenerationSwitch {

    private static final Logger log = LoggerFactory.getLogger(GenerationSwitch.class);
    private static final int ATTEMPTS = 3;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final RebuildLeases leases;
    private final ReadModelSwitchLock switchLock;
    private final String node;
    private final Clock clock;
    private volatile TableGenerations generations;

    GenerationSwitch(JdbcTemplate jdbc, TransactionTemplate transactions, RebuildLeases leases, ReadModelSwitchLock switchLock,
                     String node, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.leases = leases;
        this.switchLock = switchLock;
        this.node = node;
        this.clock = clock;
    }

    /** The generation's empty tables, in the caller's transaction (H2: each statement commits at once). */
    void createTables(List<String> tables, int generation) {
        for (String table : tables) {
            generations().drop(table + TableGenerations.suffix(generation)); // left over by a crash before the row committed
            generations().createCopy(table, generation);
        }
    }

    /**
     * Swaps in the replay's generation: both processors stop, the tables and tokens switch, the live
     * processor starts again (unless the node is closing, or an interrupted switch could not be
     * completed). A replay that is done, switched or failed, is handed to {@code end}.
     */
    void switchOver(GenerationReplay replay, StreamingEventProcessor live, Consumer<GenerationReplay> end, BooleanSupplier closing) {
        boolean restartLive = true;
        try {
            replay.pause();
            live.shutdownAsync().orTimeout(30, TimeUnit.SECONDS).join();
            Runnable swap = () -> transactions.executeWithoutResult(tx -> {
                leases.switching(replay.group(), replay.generation());
                List<String> both = new ArrayList<>(replay.tables());
                replay.tables().forEach(t -> both.add(t + TableGenerations.suffix(replay.generation())));
                generations().lockExclusively(both);
                complete(replay.group(), replay.generation(), replay.tables());
            });
            if (generations().postgres()) {
                swap.run(); // one transaction under table locks: queries of every node wait and then read the new tables
            } else {
                switchLock.whileSwitching(swap); // H2 renames table by table: hold this node's queries meanwhile
            }
            end.accept(replay);
            log.info("Generation {} of the read models of {} answers now", replay.generation(), replay.group());
        } catch (RuntimeException e) {
            if (leases.stateOf(replay.group(), replay.generation()) == State.SWITCHING) {
                // H2 committed part of the switch: going back is not possible, going on is
                restartLive = completeInterrupted(replay, end);
            } else if (replay.failedSwitch() >= ATTEMPTS) {
                fail(replay, e, end);
            } else {
                log.warn("Swapping in generation {} of {} failed; the rebuild goes on and tries again",
                        replay.generation(), replay.group(), e);
                replay.resume();
            }
        } finally {
            if (restartLive && !closing.getAsBoolean()) {
                live.start();
            }
        }
    }

    /**
     * Completes a switch that H2 had committed in part. Until it is complete, neither the old tables
     * nor the new ones go with the live processor's tokens, so the live processor stays stopped; the
     * next start completes the switch if this node cannot.
     */
    private boolean completeInterrupted(GenerationReplay replay, Consumer<GenerationReplay> end) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                switchLock.whileSwitching(() -> transactions.executeWithoutResult(
                        tx -> complete(replay.group(), replay.generation(), replay.tables())));
                end.accept(replay);
                return true;
            } catch (RuntimeException again) {
                log.warn("Completing the switch of {} to generation {} failed (attempt {})", replay.group(), replay.generation(),
                        attempt, again);
            }
        }
        log.error("The switch of {} to generation {} is incomplete; its processor stays stopped until the next start completes it",
                replay.group(), replay.generation());
        end.accept(replay);
        return false;
    }

    /**
     * The switch itself, in the caller's transaction; each step may be repeated. On PostgreSQL it
     * runs in one transaction. H2 commits every DDL statement at once: a crash in between leaves the
     * row in SWITCHING, and the next start repeats what is left before any processor starts.
     */
    void complete(String group, int generation, List<String> tables) {
        tables.forEach(table -> generations().replace(table, generation));
        String replayName = GenerationReplay.processorName(group, generation);
        Integer replayed = jdbc.queryForObject("select count(*) from token_entry where processor_name = ?", Integer.class, replayName);
        if (replayed != null && replayed > 0) {
            jdbc.update("delete from token_entry where processor_name = ?", group);
            // claimed by this node, so that another node's batch still running on the old tables cannot store its
            // token (an unclaimed row it would simply take) and rolls back; this node's processor claims them at its start
            jdbc.update("""
                    insert into token_entry (processor_name, segment, token, token_type, claimed_at, owner)
                    select ?, segment, token, token_type, ?, ? from token_entry where processor_name = ?""",
                    group, DateTimeUtils.formatInstant(clock.instant()), node, replayName); // the token store claims in the name of NodeIdentity too
            jdbc.update("delete from token_entry where processor_name = ?", replayName);
        }
        leases.switched(group, generation);
    }

    private void fail(GenerationReplay replay, RuntimeException cause, Consumer<GenerationReplay> end) {
        log.error("The rebuild of {} (generation {}) has failed; the current read models stay", replay.group(), replay.generation(), cause);
        end.accept(replay);
        discard(replay.group(), replay.generation(), replay.tables());
        leases.failed(replay.group(), replay.generation(), cause.getMessage());
    }

    private void discard(String group, int generation, List<String> tables) {
        tables.forEach(table -> generations().drop(table + TableGenerations.suffix(generation)));
        jdbc.update("delete from token_entry where processor_name = ?", GenerationReplay.processorName(group, generation));
    }

    private TableGenerations generations() {
        if (generations == null) {
            generations = new TableGenerations(jdbc);
        }
        return generations;
    }
}
