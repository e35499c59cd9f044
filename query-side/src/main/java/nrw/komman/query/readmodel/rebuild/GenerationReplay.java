package nrw.komman.query.readmodel.rebuild;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A rebuild this node runs: the projections' copies over the new generation's tables, fed the whole
 * history first by the catch-up (ADR 16) and then by a pooled processor of their own, which goes on
 * from the catch-up's tokens. It owns their threads, so stopping it leaves nothing running.
 */
final class GenerationReplay {

    private static final Logger log = LoggerFactory.getLogger(GenerationReplay.class);
    private static final int REPLAY_BATCH_SIZE = 500;

    private final String group;
    private final int generation;
    private final List<String> tables;
    private final PooledStreamingEventProcessor processor;
    private final CatchUpReplay catchUp;
    private final ExecutorService catchingUp;
    private final List<ScheduledExecutorService> executors;
    private final AtomicInteger failedSwitches = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();

    private GenerationReplay(String group, int generation, List<String> tables, PooledStreamingEventProcessor processor,
                             CatchUpReplay catchUp, ExecutorService catchingUp, List<ScheduledExecutorService> executors) {
        this.group = group;
        this.generation = generation;
        this.tables = tables;
        this.processor = processor;
        this.catchUp = catchUp;
        this.catchingUp = catchingUp;
        this.executors = executors;
    }

    static String processorName(String group, int generation) {
        return group + "@rebuild" + TableGenerations.suffix(generation);
    }

    /**
     * The replay of a group's copies, configured as the group's live processor is (sequencing, error
     * handling, interceptors, token store), with as many segments; not started yet.
     */
    static GenerationReplay of(String group, int generation, List<String> tables, List<Object> copies, int segments,
                               EventProcessingConfiguration processing, StreamableMessageSource<TrackedEventMessage<?>> eventSource) {
        String name = processorName(group, generation);
        SimpleEventHandlerInvoker invoker = SimpleEventHandlerInvoker.builder()
                .eventHandlers(copies)
                .sequencingPolicy(processing.sequencingPolicy(group))
                .listenerInvocationErrorHandler(processing.listenerInvocationErrorHandler(group))
                .build();
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
        return new GenerationReplay(group, generation, tables, processor, catchUp, catchingUp, List.of(coordinator, workers));
    }

    /** Starts (or, after a takeover, resumes) the replay: the catch-up first, then the pooled processor from its tokens. */
    void start() {
        catchingUp.execute(() -> {
            try {
                catchUp.run(stopped::get);
            } catch (RuntimeException e) {
                log.warn("The catch-up of {} stopped early; its processor goes on from there: {}", processorName(), e.toString());
            } finally {
                startProcessor(); // from the last committed batch, with the pooled processor's own retries
            }
        });
    }

    /** After the catch-up: the pooled processor goes on from its tokens, unless the replay was stopped meanwhile. */
    private void startProcessor() {
        synchronized (this) {
            if (!stopped.get()) {
                processor.start();
            }
        }
    }

    /** Stops the catch-up, the processor and their threads (Axon leaves executors it was given running). */
    void stop() {
        synchronized (this) {
            stopped.set(true); // the catch-up ends after its batch and does not start the processor
        }
        try {
            processor.shutdownAsync().orTimeout(30, TimeUnit.SECONDS).join();
        } finally {
            catchingUp.shutdown();
            try {
                catchingUp.awaitTermination(30, TimeUnit.SECONDS); // a batch under way commits or rolls back
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            catchingUp.shutdownNow();
            executors.forEach(ScheduledExecutorService::shutdownNow);
        }
    }

    /** Holds the pooled processor for a switch; {@link #resume()} if the switch fails. */
    void pause() {
        processor.shutdownAsync().orTimeout(30, TimeUnit.SECONDS).join();
    }

    void resume() {
        processor.start();
    }

    /** Counts a failed switch; returns how many there have been. */
    int failedSwitch() {
        return failedSwitches.incrementAndGet();
    }

    /** The progress of the segments this node's pooled processor holds (none during the catch-up). */
    Map<Integer, EventTrackerStatus> processingStatus() {
        return processor.processingStatus();
    }

    String group() {
        return group;
    }

    int generation() {
        return generation;
    }

    List<String> tables() {
        return tables;
    }

    String processorName() {
        return processorName(group, generation);
    }

    static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
