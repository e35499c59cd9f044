package nrw.komman.app.config;

import nrw.komman.query.readmodel.NodeIdentity;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import nrw.komman.kernel.common.Actor;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The Axon wiring that properties cannot express. Storage engine, token store, transaction manager
 * and Jackson serializers come from Axon's Spring Boot auto-configuration (JDBC, since there is no
 * JPA); the tables are Flyway's (V1), with snake_case names configured here.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** Axon's Spring transactions, except around the wait for the read models (it would hold a connection). */
    @Bean
    public TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new AxonTransactionManager(transactionManager);
    }

    /** Axon's metrics, of fixed size whatever the message rate (see {@link BoundedMetricRegistry}). */
    @Bean
    public GlobalMetricRegistry globalMetricRegistry(MeterRegistry meterRegistry) {
        return new BoundedMetricRegistry(meterRegistry);
    }

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

    /** The gateway retries a command that lost a race for its aggregate (another node, a stale cached copy). */
    @Bean
    public CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(new ConflictRetries(5)).build();
    }

    @Bean
    public NodeIdentity nodeIdentity() {
        return NodeIdentity.generate();
    }

    /**
     * Axon's JDBC token store, as its auto-configuration builds it, but claiming segments in the name
     * of this instance rather than of its JVM: two nodes in one JVM would otherwise share every claim.
     */
    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema,
                                 TokenStoreProperties properties, NodeIdentity node) {
        return JdbcTokenStore.builder().connectionProvider(connectionProvider).serializer(serializer).schema(tokenSchema)
                .claimTimeout(properties.getClaimTimeout()).nodeId(node.id()).build();
    }

    /** Unique-key failures of an append are concurrent modifications, on PostgreSQL as on H2. */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new UniqueViolations();
    }

    /**
     * A projection that fails rolls its whole batch back and the processor tries again, instead of
     * Axon's default of logging the failure and going on without the event's effect.
     */
    @Bean
    public ConfigurerModule projectionFailuresRollBack() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance());
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
