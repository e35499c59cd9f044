package nrw.komman.query.readmodel.rebuild;

import nrw.komman.kernel.admin.RebuildProgress;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.query.common.RebuildableProjection;
import nrw.komman.query.readmodel.NodeIdentity;
import nrw.komman.query.readmodel.SegmentTokens;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds of the read models without downtime (ADR 11, 16, 17), on any node. For each processor
 * whose projections take part ({@link RebuildableProjection}), a rebuild
 * <ol>
 *   <li>claims the group's next generation and creates its tables, empty, with the current tables'
 *       structure ({@link RebuildLeases}, {@link GenerationSwitch});</li>
 *   <li>runs the projections' copies of themselves over the new tables in a processor of its own
 *       that reads the event store from the first event, while the current tables keep answering
 *       queries and the live processor keeps them up to date ({@link GenerationReplay});</li>
 *   <li>once the new generation has caught up with the live processor ({@link RebuildProgressReports}),
 *       swaps it in: the new tables take the current ones' names and the live processor takes the
 *       rebuild's position, so it carries on exactly where the rebuild stopped ({@link GenerationSwitch}).</li>
 * </ol>
 * This class starts rebuilds, watches the ones this node runs, takes over those another node
 * abandoned, and ties them to the application's lifecycle; each job has a class of its own.
 */
@Component
public class ReadModelRebuilds implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuilds.class);

    private final EventProcessingConfiguration processing;
    private final StreamableMessageSource<TrackedEventMessage<?>> eventSource;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final RebuildableGroups groups;
    private final RebuildLeases leases;
    private final GenerationSwitch switches;
    private final RebuildProgressReports progress;
    private final Map<String, GenerationReplay> replays = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService monitor;
    /** Set as the context closes, before Axon stops its processors: no switch or takeover may start one again. */
    private volatile boolean closing;

    public ReadModelRebuilds(EventProcessingConfiguration processing,
                             @Qualifier("eventSource") StreamableMessageSource<TrackedEventMessage<?>> eventSource,
                             ApplicationContext context, ApplicationEventPublisher events, JdbcTemplate jdbc,
                             PlatformTransactionManager transactionManager, SegmentTokens segmentTokens,
                             ReadModelSwitchLock switchLock, NodeIdentity node) {
        Clock clock = Clock.systemUTC();
        this.processing = processing;
        this.eventSource = eventSource;
        this.events = events;
        // its own transactions, committed before any replay thread looks: never the administrator's command's
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.groups = new RebuildableGroups(context, processing);
        this.leases = new RebuildLeases(jdbc, node.id(), clock);
        this.switches = new GenerationSwitch(jdbc, transactions, leases, switchLock, node.id(), clock);
        this.progress = new RebuildProgressReports(jdbc, segmentTokens, leases, clock);
    }

    /** Published on the rebuilding node right before a new generation is swapped in (logs, tests). */
    public record Switching(String processingGroup, int generation) {
    }

    /** The name of the processor that replays a group into a generation; its tokens are in the token table. */
    public static String replayProcessorName(String group, int generation) {
        return GenerationReplay.processorName(group, generation);
    }

    /** The tables each processing group's projections write; empty for a group not all of whose projections take part. */
    public List<String> tablesOf(String group) {
        return groups.tablesOf(group);
    }

    /** The latest rebuild of a processor's read models, with its progress, as any node sees it. */
    public Optional<RebuildProgress> latest(String group) {
        return progress.latest(group, replays.get(group));
    }

    // ---- starting a rebuild -----------------------------------------------------------------------------------

    /** Starts a rebuild of every processor's read models that take part; refuses while one runs. */
    public synchronized void rebuildAll() {
        List<String> rebuildable = groups.liveProcessors().stream().map(StreamingEventProcessor::getName)
                .filter(group -> !tablesOf(group).isEmpty()).toList();
        for (String group : rebuildable) {
            groups.checkCopies(group);
            Optional<RebuildProgress> latest = latest(group);
            if (latest.isPresent() && latest.get().inProgress()) {
                throw running();
            }
        }
        rebuildable.forEach(this::start);
    }

    private static RuleViolationException running() {
        return new RuleViolationException("readmodels.rebuild-running",
                "Die Lesemodelle werden bereits neu aufgebaut. Bitte warten Sie, bis der Neuaufbau abgeschlossen ist.");
    }

    private void start(String group) {
        List<String> tables = tablesOf(group);
        int generation;
        try {
            generation = transactions.execute(tx -> {
                int next = leases.claimNext(group, progress.headPosition());
                switches.createTables(tables, next);
                return next;
            });
        } catch (DuplicateKeyException e) {
            throw running();
        }
        log.info("Rebuilding the read models of {} into generation {} of {}", group, generation, tables);
        run(group, generation, tables);
    }

    /** Starts (or, after a takeover, resumes) the replay that fills a generation's tables. */
    private void run(String group, int generation, List<String> tables) {
        List<Object> copies = groups.copiesOver(group, generation);
        // read once: the catch-up writes the tokens of exactly the segments the pooled processor starts with
        int segments = Math.max(1, progress.segmentCount(group));
        GenerationReplay replay = GenerationReplay.of(group, generation, tables, copies, segments, processing, eventSource);
        replays.put(group, replay);
        replay.start();
    }

    /** A replay that is over on this node: switched, failed, or no longer this node's. */
    private void end(GenerationReplay replay) {
        replays.remove(replay.group());
        replay.stop();
    }

    // ---- watching, switching, taking over -----------------------------------------------------------------------

    private void watch() {
        if (closing) {
            return;
        }
        try {
            for (GenerationReplay replay : List.copyOf(replays.values())) {
                if (!leases.renew(replay.group(), replay.generation())) {
                    log.warn("The rebuild of {} (generation {}) is no longer this node's; stopping its replay here",
                            replay.group(), replay.generation());
                    end(replay);
                } else if (progress.caughtUp(replay, liveProcessor(replay.group()))) {
                    events.publishEvent(new Switching(replay.group(), replay.generation()));
                    switches.switchOver(replay, liveProcessor(replay.group()), this::end, () -> closing);
                }
            }
            takeOverAbandoned();
        } catch (RuntimeException e) {
            log.warn("Watching the read models' rebuilds failed; trying again: {}", e.toString());
        }
    }

    /** A rebuild whose node stopped (crash, shutdown) goes on here, from where its tables and tokens stand. */
    private void takeOverAbandoned() {
        leases.abandoned().forEach((group, generation) -> {
            if (replays.containsKey(group) || groups.liveProcessor(group).isEmpty()) {
                return;
            }
            if (leases.takeOver(group, generation)) {
                log.info("Taking over the abandoned rebuild of {} (generation {})", group, generation);
                run(group, generation, tablesOf(group));
            }
        });
    }

    private StreamingEventProcessor liveProcessor(String group) {
        return groups.liveProcessor(group).orElseThrow(() -> new IllegalStateException("No processor " + group));
    }

    // ---- lifecycle: before the live processors start, and after they stop ----------------------------------------

    /**
     * Completes a switch a crash interrupted (H2 only), before any processor starts: Axon starts its
     * processors in a later lifecycle phase than this one.
     */
    @Override
    public void start() {
        leases.interruptedSwitches().forEach((group, generation) -> {
            log.warn("Completing the interrupted switch of {} to generation {}", group, generation);
            transactions.executeWithoutResult(tx -> switches.complete(group, generation, tablesOf(group)));
        });
        monitor = Executors.newSingleThreadScheduledExecutor(GenerationReplay.daemon("read-model-rebuilds"));
        monitor.scheduleWithFixedDelay(this::watch, 250, 250, TimeUnit.MILLISECONDS);
    }

    /** Spring announces the close before it stops any lifecycle bean, Axon's processors included. */
    @EventListener(ContextClosedEvent.class)
    public void closing() {
        closing = true;
        ScheduledExecutorService watching = monitor;
        if (watching != null) {
            watching.shutdown();
            try {
                watching.awaitTermination(60, TimeUnit.SECONDS); // a switch under way finishes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void stop() {
        closing();
        monitor = null;
        // the rebuild's state stays REPLAYING: this node or another goes on with it later
        replays.values().forEach(GenerationReplay::stop);
        replays.clear();
    }

    @Override
    public boolean isRunning() {
        return monitor != null;
    }

    /**
     * Before Axon's event processors start (Axon's configuration runs in phase Integer.MAX_VALUE - 3072), so an
     * interrupted switch is complete first; the monitor stops on the context's close event, before Axon stops.
     */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE / 2 - 100;
    }
}
