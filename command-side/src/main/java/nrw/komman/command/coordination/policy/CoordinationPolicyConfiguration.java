package nrw.komman.command.coordination.policy;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The coordination policies' processor: subscribing (it runs in the unit of work, and so the database transaction,
 * of the command whose events it reacts to) and propagating (a failing cancellation rolls that command back instead
 * of being logged and skipped, so no deactivated volunteer keeps a live assignment). Registered here, like the grant
 * chain's, so the command side brings it wherever it runs.
 */
@Configuration(proxyBeanMethods = false)
public class CoordinationPolicyConfiguration {

    @Autowired
    void configure(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(LeavingVolunteers.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(LeavingVolunteers.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance())
                .registerErrorHandler(LeavingVolunteers.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
