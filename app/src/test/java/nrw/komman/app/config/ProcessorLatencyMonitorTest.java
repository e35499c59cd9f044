package nrw.komman.app.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The processors' latency gauge is registered once, not with every event (Micrometer warned at every start). */
class ProcessorLatencyMonitorTest {

    private final ListAppender<ILoggingEvent> micrometerLog = new ListAppender<>();
    private final Logger meterRegistryLogger = (Logger) LoggerFactory.getLogger(MeterRegistry.class);
    private Level levelBefore;

    @BeforeEach
    void listen() {
        levelBefore = meterRegistryLogger.getLevel();
        meterRegistryLogger.setLevel(Level.DEBUG);
        micrometerLog.start();
        meterRegistryLogger.addAppender(micrometerLog);
    }

    @AfterEach
    void stopListening() {
        meterRegistryLogger.detachAppender(micrometerLog);
        meterRegistryLogger.setLevel(levelBefore);
    }

    @Test
    void a_processors_latency_gauge_is_registered_once_and_shows_the_latest_event() {
        MockClock clock = new MockClock();
        MeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
        MessageMonitor<? super org.axonframework.eventhandling.EventMessage<?>> monitor =
                new BoundedMetricRegistry(registry).registerEventProcessor("eventProcessor",
                        message -> List.of(), message -> List.of(Tag.of("processorName", "notice-outbox")));
        Instant now = Instant.ofEpochMilli(clock.wallTime());

        monitor.onMessageIngested(event(now.minus(Duration.ofSeconds(3)))).reportSuccess();
        monitor.onMessageIngested(event(now.minus(Duration.ofMillis(250)))).reportSuccess();
        monitor.onMessageIngested(event(now.minus(Duration.ofMillis(40)))).reportSuccess();

        Gauge latency = registry.get("eventProcessor.latency").tag("processorName", "notice-outbox").gauge();
        assertThat(latency.value()).isEqualTo(40.0);
        assertThat(registry.find("eventProcessor.latency").gauges()).hasSize(1);
        assertThat(micrometerLog.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(line -> line.contains("already registered"));
    }

    private static GenericEventMessage<String> event(Instant at) {
        return new GenericEventMessage<>(java.util.UUID.randomUUID().toString(), "fact", java.util.Map.of(), at);
    }
}
