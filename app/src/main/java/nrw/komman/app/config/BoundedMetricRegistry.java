package nrw.komman.app.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.queryhandling.QueryMessage;

import java.util.List;
import java.util.function.Function;

/**
 * Axon's metrics without its {@code CapacityMonitor}, whose memory grows with the message rate: it
 * keeps every message's processing time of the last ten minutes in a skip list (about 85 bytes each).
 * At a replay's 10,000 events per second and processor that is half a gigabyte; the benchmark's full
 * mode found 1.2 million entries (100 MB) after half an hour of generating its history. Timers,
 * counters and the processors' latency stay, all of fixed size; a processor's lag and position are
 * {@code ReadModelMetrics}'. The latency is {@link ProcessorLatencyMonitor}'s, which registers its gauge once.
 */
public class BoundedMetricRegistry extends GlobalMetricRegistry {

    public BoundedMetricRegistry(MeterRegistry registry) {
        super(registry);
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(String name, Function<Message<?>, Iterable<Tag>> messageTags,
                                                                         Function<Message<?>, Iterable<Tag>> processorTags) {
        return new MultiMessageMonitor<>(List.of(
                MessageTimerMonitor.buildMonitor(name, getRegistry(), messageTags),
                new ProcessorLatencyMonitor(name, getRegistry(), processorTags),
                MessageCountingMonitor.buildMonitor(name, getRegistry(), messageTags)));
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(String name) {
        return registerEventProcessor(name, message -> List.of(), message -> List.of());
    }

    @Override
    public MessageMonitor<? super CommandMessage<?>> registerCommandBus(String name, Function<Message<?>, Iterable<Tag>> tags) {
        return timedAndCounted(name, tags);
    }

    @Override
    public MessageMonitor<? super CommandMessage<?>> registerCommandBus(String name) {
        return timedAndCounted(name, message -> List.of());
    }

    @Override
    public MessageMonitor<? super QueryMessage<?, ?>> registerQueryBus(String name, Function<Message<?>, Iterable<Tag>> tags) {
        return timedAndCounted(name, tags);
    }

    @Override
    public MessageMonitor<? super QueryMessage<?, ?>> registerQueryBus(String name) {
        return timedAndCounted(name, message -> List.of());
    }

    private MessageMonitor<Message<?>> timedAndCounted(String name, Function<Message<?>, Iterable<Tag>> tags) {
        return new MultiMessageMonitor<>(List.of(MessageTimerMonitor.buildMonitor(name, getRegistry(), tags),
                MessageCountingMonitor.buildMonitor(name, getRegistry(), tags)));
    }
}
