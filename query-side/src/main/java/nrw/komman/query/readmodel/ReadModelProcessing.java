package nrw.komman.query.readmodel;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Axon wiring of the query role's event processors (application.yml names their source and segments). */
@Configuration(proxyBeanMethods = false)
public class ReadModelProcessing {

    /** The source of the query-side processors: the event store, announcing new events at once. */
    @Bean
    public EventAvailabilityNotifier eventSource(EventStore eventStore) {
        return new EventAvailabilityNotifier(eventStore);
    }

    /**
     * A new read model starts before the first event ({@link EventAvailabilityNotifier#createTailToken()}),
     * not at Axon's default, a replay up to the store's head: finding the head needs the store at start,
     * and on Axon Server the query node would fail to start while Axon Server is away.
     */
    @Bean
    public ConfigurerModule readModelsStartAtTheTail() {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                (config, builder) -> builder.initialToken(StreamableMessageSource::createTailToken));
    }

    /** Every event processor tells read-your-writes when it commits a batch. */
    @Bean
    public ConfigurerModule readModelCommitsModule(ReadModelCommits commits) {
        return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor((config, processor) -> commits);
    }
}
