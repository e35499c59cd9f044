package nrw.komman.query.readmodel.rebuild;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfiguration;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * The first and longest part of a rebuild (ADR 16): the history up to the head of the event stream,
 * replayed on one thread in large batches into the new generation's tables. The pooled processor that
 * follows it spends most of a replay on its own bookkeeping (every segment's work package is offered
 * every event, and asked for its queue's length each time); a rebuild's copies have no live traffic to
 * share the work with, so one reader in stream order does the same with a fraction of the CPU.
 *
 * <p>What does not change: the projections' handlers run through Axon's own processing (interceptors,
 * error and rollback handling of {@link AbstractEventProcessor}), one batch in one transaction together
 * with the tokens of all the rebuild processor's segments, which it claims for the duration. Where it
 * stops (the head, a stop, a failure) the pooled processor of the same name goes on from those tokens.
 */
final class CatchUpReplay extends AbstractEventProcessor {

    private static final Logger log = LoggerFactory.getLogger(CatchUpReplay.class);
    /** Events per transaction: large enough that a projection's batched writes pay, small enough for the heap. */
    static final int BATCH_SIZE = 2_000;

    private final StreamableMessageSource<TrackedEventMessage<?>> source;
    private final TokenStore tokens;
    private final TransactionManager transactions;
    private final int segmentCount;
    private final int batchSize;

    private CatchUpReplay(Builder builder) {
        super(builder);
        this.batchSize = builder.batchSize;
        this.source = builder.source;
        this.tokens = builder.tokens;
        this.transactions = builder.transactions;
        this.segmentCount = builder.segmentCount;
    }

    static Builder builder() {
        return new Builder();
    }

    /**
     * Replays from the segments' common token up to the events available now.
     *
     * @param stopped asked between batches: true ends the replay early (the node stops, the rebuild is no longer its own)
     * @return the number of events read (handled or skipped)
     */
    long run(BooleanSupplier stopped) {
        int[] segments = transactions.fetchInTransaction(() -> {
            if (tokens.fetchSegments(getName()).length == 0) {
                tokens.initializeTokenSegments(getName(), segmentCount, null);
            }
            return tokens.fetchSegments(getName());
        });
        List<TrackingToken> positions = transactions.fetchInTransaction(
                () -> Arrays.stream(segments).mapToObj(segment -> tokens.fetchToken(getName(), segment)).toList());
        long replayed = 0;
        try {
            if (positions.stream().distinct().count() > 1) {
                // the pooled processor has run (a takeover after the catch-up): each segment goes on from its own token
                return 0;
            }
            BlockingQueue<Batch> batches = new ArrayBlockingQueue<>(2);
            AtomicBoolean done = new AtomicBoolean();
            Thread reader = new Thread(() -> read(positions.get(0), batches, () -> done.get() || stopped.getAsBoolean()),
                    getName() + "-reader");
            reader.setDaemon(true);
            reader.start();
            try {
                for (Batch batch = batches.take(); batch != Batch.END && !stopped.getAsBoolean(); batch = batches.take()) {
                    if (batch.failure() != null) {
                        throw batch.failure();
                    }
                    process(batch, segments);
                    replayed += batch.read();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // stopping: what was committed stays, the rest is the processor's
            } finally {
                done.set(true);
                reader.interrupt();
            }
            return replayed;
        } finally {
            release(segments);
            log.info("{}: {} events replayed in batches of {}; the pooled processor goes on from here", getName(), replayed, batchSize);
        }
    }

    /** Events read since the last batch: those this processor handles, and the position after all of them. */
    private record Batch(List<TrackedEventMessage<?>> events, TrackingToken last, long read, RuntimeException failure) {
        static final Batch END = new Batch(List.of(), null, 0, null);
    }

    /**
     * The reading half, on its own thread so that reading and deserializing overlap with handling and
     * writing. Events of types no handler takes are skipped unread (their type comes from the stored
     * type name); the others' payload, metadata and timestamp are deserialized here.
     */
    private void read(TrackingToken from, BlockingQueue<Batch> batches, BooleanSupplier stop) {
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(from)) {
            List<TrackedEventMessage<?>> events = new ArrayList<>(batchSize);
            long read = 0;
            TrackingToken last = null;
            while (!stop.getAsBoolean() && stream.hasNextAvailable()) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                last = event.trackingToken();
                read++;
                if (canHandleType(event.getPayloadType())) {
                    event.getPayload();
                    event.getMetaData();
                    event.getTimestamp(); // parsed from its stored text on first use
                    events.add(event);
                }
                if (read == batchSize) {
                    put(batches, new Batch(events, last, read, null), stop);
                    events = new ArrayList<>(batchSize);
                    read = 0;
                }
            }
            if (read > 0) {
                put(batches, new Batch(events, last, read, null), stop);
            }
            put(batches, Batch.END, stop);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            // handed to the handler, which would otherwise wait for a batch that never comes
            RuntimeException failure = e instanceof RuntimeException r ? r : new IllegalStateException("Reading the events failed", e);
            try {
                put(batches, new Batch(List.of(), null, 0, failure), stop);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void put(BlockingQueue<Batch> batches, Batch batch, BooleanSupplier stop) throws InterruptedException {
        while (!stop.getAsBoolean()) {
            if (batches.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    /** One batch and the token after it, for every segment, in one transaction. */
    private void process(Batch batch, int[] segments) {
        if (batch.events().isEmpty()) {
            transactions.executeInTransaction(() -> storeToken(batch.last(), segments)); // nothing to handle: the position moves
            return;
        }
        BatchingUnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch.events());
        unitOfWork.attachTransaction(transactions);
        unitOfWork.onPrepareCommit(u -> storeToken(batch.last(), segments));
        try {
            processInUnitOfWork(batch.events(), unitOfWork);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Replaying a batch of " + getName() + " failed", e);
        }
    }

    /** Fails if this node's claim was lost (another node took the rebuild over): the batch rolls back. */
    private void storeToken(TrackingToken last, int[] segments) {
        for (int segment : segments) {
            tokens.storeToken(last, getName(), segment);
        }
    }

    private void release(int[] segments) {
        for (int segment : segments) {
            try {
                transactions.executeInTransaction(() -> tokens.releaseClaim(getName(), segment));
            } catch (RuntimeException e) {
                log.warn("{}: releasing the claim on segment {} failed; it expires by itself: {}", getName(), segment, e.toString());
            }
        }
    }

    // an AbstractEventProcessor for its processing of a batch; it is run, not started

    @Override
    public void start() {
        throw new UnsupportedOperationException("a catch-up replay is run, not started");
    }

    @Override
    public void shutDown() {
        // nothing runs in the background: run() returns between batches when asked to stop
    }

    @Override
    public boolean isRunning() {
        return false;
    }

    @Override
    public boolean isError() {
        return false;
    }

    static final class Builder extends AbstractEventProcessor.Builder {
        private StreamableMessageSource<TrackedEventMessage<?>> source;
        private TokenStore tokens;
        private TransactionManager transactions;
        private int segmentCount = 1;
        private int batchSize = BATCH_SIZE;

        Builder() {
            rollbackConfiguration(RollbackConfigurationType.ANY_THROWABLE); // Axon's default for event processors
        }

        @Override
        public Builder name(String name) {
            super.name(name);
            return this;
        }

        @Override
        public Builder eventHandlerInvoker(EventHandlerInvoker invoker) {
            super.eventHandlerInvoker(invoker);
            return this;
        }

        @Override
        public Builder errorHandler(ErrorHandler errorHandler) {
            super.errorHandler(errorHandler);
            return this;
        }

        @Override
        public Builder rollbackConfiguration(RollbackConfiguration rollbackConfiguration) {
            super.rollbackConfiguration(rollbackConfiguration);
            return this;
        }

        Builder source(StreamableMessageSource<TrackedEventMessage<?>> source) {
            this.source = source;
            return this;
        }

        Builder tokens(TokenStore tokens) {
            this.tokens = tokens;
            return this;
        }

        Builder transactions(TransactionManager transactions) {
            this.transactions = transactions;
            return this;
        }

        /** As many segments as the pooled processor that goes on afterwards gets (the live processor's). */
        Builder segmentCount(int segmentCount) {
            this.segmentCount = Math.max(1, segmentCount);
            return this;
        }

        /** Events read per transaction (handled or skipped). */
        Builder batchSize(int batchSize) {
            this.batchSize = Math.max(1, batchSize);
            return this;
        }

        CatchUpReplay build() {
            validate();
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(tokens, "tokens");
            Objects.requireNonNull(transactions, "transactions");
            return new CatchUpReplay(this);
        }
    }
}
