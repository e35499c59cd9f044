package nrw.komman.query.readmodel;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The event source of the pooled streaming processors. Axon's pooled processor wakes up at once when
 * its stream can announce new events; the embedded JDBC event store's streams cannot, so the
 * processor would poll every 500 ms and every write would wait that long to become readable. This
 * source adds the announcement: one watcher thread tails the event store (it is woken by local
 * commits, and by the store's own polling for other nodes' events) and calls every open stream's
 * availability callback. The events themselves still come from the event store, unchanged.
 */
public class EventAvailabilityNotifier implements StreamableMessageSource<TrackedEventMessage<?>>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventAvailabilityNotifier.class);
    private final EventStore eventStore;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private Thread watcher;
    private volatile boolean running = true;

    public EventAvailabilityNotifier(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        startWatching();
        return new AnnouncingStream(eventStore.openStream(trackingToken));
    }

    /**
     * Before the first event: no token at all, which every Axon event store streams from its beginning.
     * Asking the store instead would tie a processor's start to the store being reachable: on Axon
     * Server a query node could not start (and report itself not ready) before Axon Server answers.
     */
    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    @Override
    public TrackingToken createHeadToken() {
        return eventStore.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return eventStore.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return eventStore.createTokenSince(duration);
    }

    private synchronized void startWatching() {
        if (watcher == null && running) {
            watcher = new Thread(this::watch, "event-availability-watcher");
            watcher.setDaemon(true);
            watcher.start();
        }
    }

    private void watch() {
        while (running) {
            try (BlockingStream<TrackedEventMessage<?>> tail = eventStore.openStream(eventStore.createHeadToken())) {
                while (running) {
                    if (tail.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        while (tail.hasNextAvailable()) {
                            tail.nextAvailable();
                        }
                        callbacks.forEach(Runnable::run);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) { // e.g. the database was briefly away: the processors still poll meanwhile
                    log.warn("Watching the event store for new events failed; retrying: {}", e.toString());
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public synchronized void destroy() {
        running = false;
        if (watcher != null) {
            watcher.interrupt();
        }
    }

    /** The event store's stream, plus the availability callback the pooled processor asks for. */
    private final class AnnouncingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable callback;

        AnnouncingStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.callback = callback;
            callbacks.add(callback);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public boolean hasNextAvailable() {
            return delegate.hasNextAvailable();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public Stream<TrackedEventMessage<?>> asStream() {
            return delegate.asStream();
        }

        @Override
        public void close() {
            if (callback != null) {
                callbacks.remove(callback);
            }
            delegate.close();
        }
    }
}
