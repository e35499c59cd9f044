package nrw.komman.query.readmodel.rebuild;

import nrw.komman.query.readmodel.NodeIdentity;
import nrw.komman.query.readmodel.SegmentTokens;
import nrw.komman.kernel.admin.RebuildProgress;
import nrw.komman.kernel.admin.RebuildProgress.State;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.query.common.RebuildableProjection;
import nrw.komman.query.common.TableNames;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rebuilds of the read models without downtime (ADR 11). For each processor whose projections
 * take part ({@link RebuildableProjection}), a rebuild
 * <ol>
 *   <li>creates the next generation of those tables, empty, with the current tables' structure;</li>
 *   <li>runs the projections' copies of themselves over the new tables in a processor of its
 *       own that reads the event store from the first event, while the current tables keep answering
 *       queries and the live processor keeps them up to date;</li>
 *   <li>once the new generation has caught up with the live processor, swaps it in: in one
 *       transaction the new tables take the current ones' names and the live processor takes the
 *       rebuild's position, so it carries on exactly where the rebuild stopped.</li>
 * </ol>
 * The rebuild's state and heartbeat are in {@code read_model_rebuild}, so every node reports the
 * progress, and another node takes over a rebuild whose node has stopped.
 */
@Component
public class ReadModelRebuilds implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuilds.class);
    /** A rebuild whose node has not written a heartbeat for this long is taken over by another node. */
    static final Duration STALE = Duration.ofSeconds(30);
    private static final Duration HEARTBEAT = Duration.ofSeconds(2);
    private static final int REPLAY_BATCH_SIZE = 500;
    private static final int SWITCH_ATTEMPTS = 3;

    private final EventProcessingConfiguration processing;
    private final StreamableMessageSource<TrackedEventMessage<?>> eventSource;
    private final ApplicationContext context;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SegmentTokens segmentTokens;
    private final ReadModelSwitchLock switchLock;
    private final Clock clock = Clock.systemUTC();
    private final String node;
    private final Map<String, Replay> replays = new ConcurrentHashMap<>();
    private final Map<String, List<Object>> projectionsByGroup = new ConcurrentHashMap<>();
    private volatile TableGenerations generations;
    private volatile ScheduledExecutorService monitor;
    /** Set as the context closes, before Axon stops its processors: no switch or takeover may start one again. */
    private volatile boolean closing;

    public ReadModelRebuilds(EventProcessingConfiguration processing,
                             @Qualifier("eventSource") StreamableMessageSource<TrackedEventMessage<?>> eventSource,
                             ApplicationContext context, ApplicationEventPublisher events, JdbcTemplate jdbc,
                             PlatformTransactionManager transactionManager, SegmentTokens segmentTokens,
                             ReadModelSwitchLock switchLock, NodeIdentity node) {
        this.node = node.id();
        this.processing = processing;
        this.eventSource = eventSource;
        this.context = context;
        this.events = events;
        this.jdbc = jdbc;
        // its own transactions, committed before any replay thread looks: never the administrator's command's
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.segmentTokens = segmentTokens;
        this.switchLock = switchLock;
    }

    /** Published on the rebuilding node right before a new generation is swapped in (logs, tests). */
    public record Switching(String processingGroup, int generation) {
    }

    /** A rebuild this node runs: its processor, and the projection copies inside it. */
    private record Replay(String group, int generation, List<String> tables, PooledStreamingEventProcessor processor,
                          ExecutorService catchUp, List<ScheduledExecutorService> executors, AtomicInteger failedSwitches,
                          AtomicBoolean stopped) {

        /** Stops the catch-up, the processor and their threads (Axon leaves executors it was given running). */
        void stop() {
            synchronized (this) {
                stopped.set(true); // the catch-up ends after its batch and does not start the processor
            }
            try {
                processor.shutdownAsync().orTimeout(30, TimeUnit.SECONDS).join();
            } finally {
                catchUp.shutdown();
                try {
                    catchUp.awaitTermination(30, TimeUnit.SECONDS); // a batch under way commits or rolls back
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                catchUp.shutdownNow();
                executors.forEach(ScheduledExecutorService::shutdownNow);
            }
        }

        /** After the catch-up: the pooled processor goes on from its tokens, unless the replay was stopped meanwhile. */
        void startProcessor() {
            synchronized (this) {
                if (!stopped.get()) {
                    processor.start();
                }
            }
        }

        String processorName() {
            return replayProcessorName(group, generation);
        }
    }

    static String replayProcessorName(String group, int generation) {
        return group + "@rebuild" + TableGenerations.suffix(generation);
    }

    // ---- what can be rebuilt ----------------------------------------------------------------------------------

    /** The tables each processing group's projections write; empty for a group not all of whose projections take part. */
    public List<String> tablesOf(String group) {
        Set<String> tables = new LinkedHashSet<>();
        for (Object projection : projectionsOf(group)) {
            if (!(projection instanceof RebuildableProjection rebuildable)) {
                return List.of();
            }
            tables.addAll(rebuildable.tables().tables());
        }
        return List.copyOf(tables);
    }

    /** The group's projection beans, looked up once: every status request and health probe asks for them. */
    private List<Object> projectionsOf(String group) {
        return projectionsByGroup.computeIfAbsent(group, g -> context.getBeansWithAnnotation(ProcessingGroup.class).values().stream()
                .filter(bean -> g.equals(AnnotationUtils.findAnnotation(AopUtils.getTargetClass(bean), ProcessingGroup.class).value()))
                .sorted(Comparator.comparing(bean -> AopUtils.getTargetClass(bean).getName()))
                .toList());
    }

    private List<StreamingEventProcessor> liveProcessors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .sorted(Comparator.comparing(StreamingEventProcessor::getName))
                .toList();
    }

    // ---- starting a rebuild -----------------------------------------------------------------------------------

    /** Starts a rebuild of every processor's read models that declare their tables; refuses while one runs. */
    public synchronized void rebuildAll() {
        List<String> groups = liveProcessors().stream().map(StreamingEventProcessor::getName)
                .filter(group -> !tablesOf(group).isEmpty()).toList();
        for (String group : groups) {
            Optional<RebuildProgress> latest = latest(group);
            if (latest.isPresent() && latest.get().inProgress()) {
                throw running();
            }
        }
        groups.forEach(this::start);
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
                Integer last = jdbc.queryForObject("select max(generation) from read_model_rebuild where processing_group = ?",
                        Integer.class, group);
                int next = (last == null ? 0 : last) + 1;
                Instant now = clock.instant();
                // active_group is unique: a second rebuild of the group, from any node, fails here
                jdbc.update("""
                        insert into read_model_rebuild (processing_group, generation, state, active_group, node, started_at,
                                                        heartbeat_at, head_at_start)
                        values (?, ?, 'REPLAYING', ?, ?, ?, ?, ?)""", group, next, group, node, utc(now), utc(now), headPosition());
                for (String table : tables) {
                    generations().drop(table + TableGenerations.suffix(next)); // left over by a crash before the row committed
                    generations().createCopy(table, next);
                }
                return next;
            });
        } catch (DuplicateKeyException e) {
            throw running();
        }
        log.info("Rebuilding the read models of {} into generation {} of {}", group, generation, tables);
        run(group, generation, tables);
    }

    /**
     * Starts (or, after a takeover, resumes) the replay that fills a generation's tables: the catch-up
     * replays the history in large batches on one thread, then the pooled processor goes on from its tokens.
     */
    private void run(String group, int generation, List<String> tables) {
        List<Object> copies = projectionsOf(group).stream().map(projection -> copyOf(projection, generation)).toList();
        String name = replayProcessorName(group, generation);
        SimpleEventHandlerInvoker invoker = SimpleEventHandlerInvoker.builder()
                .eventHandlers(copies)
                .sequencingPolicy(processing.sequencingPolicy(group))
                .listenerInvocationErrorHandler(processing.listenerInvocationErrorHandler(group))
                .build();
        // read once: the catch-up writes the tokens of exactly the segments the pooled processor starts with
        int segments = Math.max(1, liveSegmentCount(group));
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor(daemon(name + "-coordinator"));
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(2, daemon(name + "-worker"));
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(invoker)
                .errorHandler(processing.errorHandler(group))
                .rollbackConfiguration(processing.rollbackConfiguration(group))
                .messageSource(eventSource)
                .tokenStore(processing.tokenStore(group))
                .transactionManager(processing.transactionManager(group))
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(segments)
                .initialToken(StreamableMessageSource::createTailToken)
                .batchSize(REPLAY_BATCH_SIZE)
                // the first read of a fresh stream may find nothing yet, and nothing new may be committed to wake the
                // processor: look again after half a second, not after Axon's five
                .tokenClaimInterval(500)
                .build();
        processing.interceptorsFor(group).forEach(processor::registerHandlerInterceptor);
        CatchUpReplay catchUp = CatchUpReplay.builder()
                .source(eventSource)
                .tokens(processing.tokenStore(group))
                .transactions(processing.transactionManager(group))
                .segmentCount(segments)
                .name(name)
                .eventHandlerInvoker(invoker)
                .errorHandler(processing.errorHandler(group))
                .rollbackConfiguration(processing.rollbackConfiguration(group))
                .build();
        processing.interceptorsFor(group).forEach(catchUp::registerHandlerInterceptor);
        ExecutorService catchingUp = Executors.newSingleThreadExecutor(daemon(name + "-catch-up"));
        Replay replay = new Replay(group, generation, tables, processor, catchingUp, List.of(coordinator, workers), new AtomicInteger(),
                new AtomicBoolean());
        replays.put(group, replay);
        catchingUp.execute(() -> {
            try {
                catchUp.run(replay.stopped()::get);
            } catch (RuntimeException e) {
                log.warn("The catch-up of {} stopped early; its processor goes on from there: {}", name, e.toString());
            } finally {
                replay.startProcessor(); // from the last committed batch, with the pooled processor's own retries
            }
        });
    }

    /** The projection's own copy of itself over the generation's tables (ADR 17), checked to be one. */
    private static Object copyOf(Object projection, int generation) {
        RebuildableProjection live = (RebuildableProjection) projection;
        TableNames tables = live.tables().inGeneration(generation);
        RebuildableProjection copy = live.copyOver(tables);
        if (copy == null || copy == live || copy.getClass() != AopUtils.getTargetClass(projection) || !tables.equals(copy.tables())) {
            throw new IllegalStateException(AopUtils.getTargetClass(projection).getName()
                    + ".copyOver must return a new instance of its own class over " + tables);
        }
        return copy;
    }

    // ---- watching, switching, taking over -----------------------------------------------------------------------

    private void watch() {
        if (closing) {
            return;
        }
        try {
            for (Replay replay : List.copyOf(replays.values())) {
                if (!heartbeat(replay)) {
                    log.warn("The rebuild of {} (generation {}) is no longer this node's; stopping its replay here",
                            replay.group(), replay.generation());
                    replays.remove(replay.group());
                    replay.stop();
                } else if (caughtUp(replay)) {
                    switchOver(replay);
                }
            }
            takeOverAbandoned();
        } catch (RuntimeException e) {
            log.warn("Watching the read models' rebuilds failed; trying again: {}", e.toString());
        }
    }

    /** Renews this node's hold on the rebuild; false when the row is no longer this node's replay. */
    private boolean heartbeat(Replay replay) {
        Instant now = clock.instant();
        jdbc.update("""
                update read_model_rebuild set heartbeat_at = ?
                 where processing_group = ? and generation = ? and node = ? and heartbeat_at < ?""",
                utc(now), replay.group(), replay.generation(), node, utc(now.minus(HEARTBEAT)));
        Integer mine = jdbc.queryForObject("""
                select count(*) from read_model_rebuild
                 where processing_group = ? and generation = ? and node = ? and state = 'REPLAYING'""",
                Integer.class, replay.group(), replay.generation(), node);
        return mine != null && mine == 1;
    }

    /** Every segment of the new generation is at the head of the stream and no behind the live processor. */
    private boolean caughtUp(Replay replay) {
        Map<Integer, EventTrackerStatus> status = replay.processor().processingStatus();
        if (status.isEmpty() || status.size() < liveSegmentCount(replay.processorName())
                || !status.values().stream().allMatch(EventTrackerStatus::isCaughtUp)) {
            return false;
        }
        long replayed = lowest(segmentTokens.of(replay.processorName(), status));
        long live = lowest(segmentTokens.of(replay.group(), liveProcessor(replay.group()).processingStatus()));
        return replayed >= live;
    }

    private void switchOver(Replay replay) {
        events.publishEvent(new Switching(replay.group(), replay.generation()));
        StreamingEventProcessor live = liveProcessor(replay.group());
        boolean restartLive = true;
        try {
            replay.processor().shutdownAsync().orTimeout(30, TimeUnit.SECONDS).join();
            live.shutdownAsync().orTimeout(30, TimeUnit.SECONDS).join();
            Runnable swap = () -> transactions.executeWithoutResult(tx -> {
                markSwitching(replay.group(), replay.generation());
                List<String> both = new ArrayList<>(replay.tables());
                replay.tables().forEach(t -> both.add(t + TableGenerations.suffix(replay.generation())));
                generations().lockExclusively(both);
                completeSwitch(replay.group(), replay.generation(), replay.tables());
            });
            if (generations().postgres()) {
                swap.run(); // one transaction under table locks: queries of every node wait and then read the new tables
            } else {
                switchLock.whileSwitching(swap); // H2 renames table by table: hold this node's queries meanwhile
            }
            replays.remove(replay.group());
            replay.stop();
            log.info("Generation {} of the read models of {} answers now", replay.generation(), replay.group());
        } catch (RuntimeException e) {
            if (stateOf(replay.group(), replay.generation()) == State.SWITCHING) {
                // H2 committed part of the switch: going back is not possible, going on is
                restartLive = completeInterruptedSwitch(replay);
            } else if (replay.failedSwitches().incrementAndGet() >= SWITCH_ATTEMPTS) {
                fail(replay, e);
            } else {
                log.warn("Swapping in generation {} of {} failed; the rebuild goes on and tries again",
                        replay.generation(), replay.group(), e);
                replay.processor().start();
            }
        } finally {
            if (restartLive && !closing) {
                live.start();
            }
        }
    }

    /**
     * Completes a switch that H2 had committed in part. Until it is complete, neither the old tables
     * nor the new ones go with the live processor's tokens, so the live processor stays stopped; the
     * next start completes the switch if this node cannot.
     */
    private boolean completeInterruptedSwitch(Replay replay) {
        for (int attempt = 1; attempt <= SWITCH_ATTEMPTS; attempt++) {
            try {
                switchLock.whileSwitching(() -> transactions.executeWithoutResult(
                        tx -> completeSwitch(replay.group(), replay.generation(), replay.tables())));
                replays.remove(replay.group());
                replay.stop();
                return true;
            } catch (RuntimeException again) {
                log.warn("Completing the switch of {} to generation {} failed (attempt {})", replay.group(), replay.generation(),
                        attempt, again);
            }
        }
        log.error("The switch of {} to generation {} is incomplete; its processor stays stopped until the next start completes it",
                replay.group(), replay.generation());
        replays.remove(replay.group());
        replay.stop();
        return false;
    }

    private State stateOf(String group, int generation) {
        return jdbc.query("select state from read_model_rebuild where processing_group = ? and generation = ?",
                (rs, i) -> State.valueOf(rs.getString(1)), group, generation).stream().findFirst().orElse(null);
    }

    private void markSwitching(String group, int generation) {
        jdbc.update("update read_model_rebuild set state = 'SWITCHING' where processing_group = ? and generation = ?",
                group, generation);
    }

    /**
     * The switch itself; each step may be repeated. On PostgreSQL it runs in one transaction. H2
     * commits every DDL statement at once: a crash in between leaves the row in SWITCHING, and the
     * next start repeats what is left before any processor starts.
     */
    private void completeSwitch(String group, int generation, List<String> tables) {
        tables.forEach(table -> generations().replace(table, generation));
        String replayName = replayProcessorName(group, generation);
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
        jdbc.update("""
                update read_model_rebuild set state = 'SWITCHED', active_group = null, finished_at = ?
                 where processing_group = ? and generation = ?""", utc(clock.instant()), group, generation);
    }

    private void fail(Replay replay, RuntimeException cause) {
        log.error("The rebuild of {} (generation {}) has failed; the current read models stay", replay.group(), replay.generation(), cause);
        replays.remove(replay.group());
        replay.stop();
        discard(replay.group(), replay.generation(), replay.tables());
        String message = String.valueOf(cause.getMessage());
        jdbc.update("""
                update read_model_rebuild set state = 'FAILED', active_group = null, finished_at = ?, error = ?
                 where processing_group = ? and generation = ?""", utc(clock.instant()),
                message.substring(0, Math.min(500, message.length())), replay.group(), replay.generation());
    }

    private void discard(String group, int generation, List<String> tables) {
        tables.forEach(table -> generations().drop(table + TableGenerations.suffix(generation)));
        jdbc.update("delete from token_entry where processor_name = ?", replayProcessorName(group, generation));
    }

    /** A rebuild whose node stopped (crash, shutdown) goes on here, from where its tables and tokens stand. */
    private void takeOverAbandoned() {
        Instant stale = clock.instant().minus(STALE);
        jdbc.query("""
                select processing_group, generation, heartbeat_at from read_model_rebuild
                 where state = 'REPLAYING' and heartbeat_at < ?""", rs -> {
            String group = rs.getString(1);
            int generation = rs.getInt(2);
            if (replays.containsKey(group) || liveProcessors().stream().noneMatch(p -> p.getName().equals(group))) {
                return;
            }
            int claimed = jdbc.update("""
                    update read_model_rebuild set node = ?, heartbeat_at = ?
                     where processing_group = ? and generation = ? and state = 'REPLAYING' and heartbeat_at < ?""",
                    node, utc(clock.instant()), group, generation, utc(stale));
            if (claimed == 1) {
                log.info("Taking over the abandoned rebuild of {} (generation {})", group, generation);
                run(group, generation, tablesOf(group));
            }
        }, utc(stale));
    }

    // ---- progress -----------------------------------------------------------------------------------------------

    /** The latest rebuild of a processor's read models, with its progress, as any node sees it. */
    public Optional<RebuildProgress> latest(String group) {
        return jdbc.query("""
                select generation, state, started_at, finished_at, error from read_model_rebuild
                 where processing_group = ? order by generation desc fetch first 1 rows only""", (rs, i) -> {
            int generation = rs.getInt("generation");
            State state = State.valueOf(rs.getString("state"));
            Instant started = rs.getObject("started_at", java.time.OffsetDateTime.class).toInstant();
            java.time.OffsetDateTime finished = rs.getObject("finished_at", java.time.OffsetDateTime.class);
            return progress(group, generation, state, started, finished == null ? null : finished.toInstant(), rs.getString("error"));
        }, group).stream().findFirst();
    }

    private RebuildProgress progress(String group, int generation, State state, Instant started, Instant finished, String error) {
        long head = headPosition();
        if (state != State.REPLAYING) {
            return new RebuildProgress(generation, state, state == State.SWITCHED ? head : -1, head, null, null, started, finished, error);
        }
        Replay local = replays.get(group);
        Map<Integer, EventTrackerStatus> status = local == null ? Map.of() : local.processor().processingStatus();
        long position = lowest(segmentTokens.of(replayProcessorName(group, generation), status));
        double seconds = Math.max(0.001, Duration.between(started, clock.instant()).toMillis() / 1000.0);
        double rate = (position + 1) / seconds;
        Long left = rate <= 0 ? null : Math.round(Math.max(0, head - position) / rate);
        return new RebuildProgress(generation, state, position, head, Math.round(rate * 10) / 10.0, left, started, null, null);
    }

    private static long lowest(Map<Integer, TrackingToken> tokens) {
        return tokens.values().stream().mapToLong(t -> t == null ? -1 : t.position().orElse(-1)).min().orElse(-1);
    }

    private long headPosition() {
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return head == null ? -1 : head;
    }

    private int liveSegmentCount(String processorName) {
        Integer count = jdbc.queryForObject("select count(*) from token_entry where processor_name = ?", Integer.class, processorName);
        return count == null ? 0 : count;
    }

    private StreamingEventProcessor liveProcessor(String group) {
        return liveProcessors().stream().filter(p -> p.getName().equals(group)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No processor " + group));
    }

    private TableGenerations generations() {
        if (generations == null) {
            generations = new TableGenerations(jdbc);
        }
        return generations;
    }

    private static java.time.OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    // ---- lifecycle: before the live processors start, and after they stop ----------------------------------------

    /**
     * Completes a switch a crash interrupted (H2 only), before any processor starts: Axon starts its
     * processors in a later lifecycle phase than this one.
     */
    @Override
    public void start() {
        Map<String, Integer> interrupted = new LinkedHashMap<>();
        jdbc.query("select processing_group, generation from read_model_rebuild where state = 'SWITCHING'",
                rs -> {
                    interrupted.put(rs.getString(1), rs.getInt(2));
                });
        interrupted.forEach((group, generation) -> {
            log.warn("Completing the interrupted switch of {} to generation {}", group, generation);
            transactions.executeWithoutResult(tx -> completeSwitch(group, generation, tablesOf(group)));
        });
        monitor = Executors.newSingleThreadScheduledExecutor(daemon("read-model-rebuilds"));
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
        replays.values().forEach(Replay::stop);
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
