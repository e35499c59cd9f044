package nrw.komman.app.config;

import nrw.komman.app.readmodel.EventAvailabilityNotifier;
import nrw.komman.kernel.common.Actor;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Axon wiring that properties cannot express. Storage engine, token store, transaction manager
 * and Jackson serializers come from Axon's Spring Boot auto-configuration (JDBC, since there is no
 * JPA); the tables are Flyway's (V1), with snake_case names configured here.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("claimed_at")
                .setOwnerColumn("owner")
                .build();
    }

    /** The source of the query-side processors: the event store, announcing new events at once. */
    @Bean
    public EventAvailabilityNotifier eventSource(EventStore eventStore) {
        return new EventAvailabilityNotifier(eventStore);
    }

    /** Copies who acted from every command onto every event it causes (and onto queries' results' logs). */
    @Bean
    public CorrelationDataProvider actorCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(Actor.ACCOUNT, Actor.ROLE, Actor.CENTRE);
    }

    /** Keeps Axon's correlation and trace ids, which a custom provider would otherwise replace. */
    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }
}
