package nrw.komman.app.config;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A processor's latency (how long ago the event it handles now happened, in milliseconds) as the gauge
 * {@code <prefix>.latency}, with Axon's meter name and tags. Axon's {@code EventProcessorLatencyMonitor} registers its
 * gauge again with every event; Micrometer keeps the first and warns at the second ("This Gauge has been already
 * registered", first seen for the subscribing {@code notice-outbox} processor at start). This one registers a gauge
 * once per set of tags and only updates its value afterwards.
 */
final class ProcessorLatencyMonitor implements MessageMonitor<EventMessage<?>> {

    private final String meterName;
    private final MeterRegistry registry;
    private final Function<Message<?>, Iterable<Tag>> tags;
    private final Clock clock;
    private final ConcurrentMap<Tags, AtomicLong> latencies = new ConcurrentHashMap<>();

    ProcessorLatencyMonitor(String meterNamePrefix, MeterRegistry registry, Function<Message<?>, Iterable<Tag>> tags) {
        this.meterName = meterNamePrefix + ".latency";
        this.registry = registry;
        this.tags = tags;
        this.clock = registry.config().clock();
    }

    @Override
    public MonitorCallback onMessageIngested(EventMessage<?> message) {
        if (message != null) {
            AtomicLong latency = latencies.computeIfAbsent(Tags.of(tags.apply(message)), this::register);
            latency.set(clock.wallTime() - message.getTimestamp().toEpochMilli());
        }
        return NoOpMessageMonitorCallback.INSTANCE;
    }

    private AtomicLong register(Tags meterTags) {
        AtomicLong latency = new AtomicLong();
        Gauge.builder(meterName, latency, AtomicLong::get).tags(meterTags).register(registry);
        return latency;
    }
}
