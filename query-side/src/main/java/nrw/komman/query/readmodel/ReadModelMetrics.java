package nrw.komman.query.readmodel;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import nrw.komman.kernel.admin.ReadModelStatus;
import nrw.komman.kernel.admin.RebuildProgress;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * The read models in the metrics ({@code /actuator/prometheus}): per processor its position, its lag
 * behind the event store, whether it runs, and a running rebuild's progress. A scrape reads the token
 * table once (the figures are taken together and kept for a second), not once per gauge.
 */
@Component
public class ReadModelMetrics {

    private static final long FRESH_FOR_NANOS = 1_000_000_000L;
    private final ReadModelAdministration administration;
    private final MeterRegistry registry;
    private volatile Map<String, ReadModelStatus> latest = Map.of();
    private volatile long takenAt;

    ReadModelMetrics(ReadModelAdministration administration, MeterRegistry registry) {
        this.administration = administration;
        this.registry = registry;
    }

    /** After start: the processors exist by then. Registering asks nothing of the event store (it may be away). */
    @EventListener(ApplicationReadyEvent.class)
    public void register() {
        for (String processor : administration.streamingProcessors().stream().map(StreamingEventProcessor::getName).toList()) {
            gauge("komman.read_model.position", processor, "last event handled by every segment (global index)",
                    s -> s.position());
            gauge("komman.read_model.lag", processor, "events in the store not yet handled", s -> Math.max(0, s.headPosition() - s.position()));
            gauge("komman.read_model.running", processor, "1 while the processor runs without error",
                    s -> s.running() && !s.error() ? 1 : 0);
            gauge("komman.read_model.rebuild.progress", processor, "share of the events a running rebuild has replayed (0..1)",
                    s -> progress(s.rebuild()));
        }
    }

    private void gauge(String name, String processor, String description, ToDoubleFunction<ReadModelStatus> value) {
        Gauge.builder(name, this, metrics -> {
                    ReadModelStatus status = metrics.current().get(processor);
                    return status == null ? Double.NaN : value.applyAsDouble(status);
                })
                .tag("processor", processor).description(description).register(registry);
    }

    private static double progress(RebuildProgress rebuild) {
        if (rebuild == null || !rebuild.inProgress()) {
            return 0;
        }
        return rebuild.headPosition() <= 0 ? 0 : Math.min(1.0, (double) Math.max(0, rebuild.position()) / rebuild.headPosition());
    }

    private Map<String, ReadModelStatus> current() {
        long now = System.nanoTime();
        if (now - takenAt > FRESH_FOR_NANOS) {
            Map<String, ReadModelStatus> figures = new ConcurrentHashMap<>();
            try {
                List<ReadModelStatus> all = administration.statusOfAll();
                all.forEach(s -> figures.put(s.processor(), s));
            } catch (RuntimeException storeOrDatabaseAway) {
                // no figures (NaN) rather than a failed scrape: the scrape also tells that the node is alive
            }
            latest = figures;
            takenAt = now;
        }
        return latest;
    }
}
