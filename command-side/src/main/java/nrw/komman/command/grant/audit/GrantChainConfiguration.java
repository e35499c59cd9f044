package nrw.komman.command.grant.audit;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The chain writer's processor: subscribing (it runs in the unit of work, and so in the database
 * transaction, that publishes the events, after the storage engine appended them), and propagating
 * (a failing link rolls the command back instead of being logged and skipped). Registered here rather
 * than in the application's properties so the command side brings it wherever it runs.
 */
@Configuration(proxyBeanMethods = false)
public class GrantChainConfiguration {

    @Autowired
    void configure(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(GrantChainWriter.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(GrantChainWriter.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance())
                .registerErrorHandler(GrantChainWriter.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
