package nrw.komman.command.notification;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The outbox's processor: subscribing (it runs in the unit of work, and so in the database transaction, that stores
 * the events) and propagating (an outbox row that cannot be written rolls the command back instead of being logged
 * and skipped: no fact without its notice, no notice without its fact). Registered here, like the grant chain's,
 * so the command side brings it wherever it runs.
 */
@Configuration(proxyBeanMethods = false)
public class NoticeOutboxConfiguration {

    @Autowired
    void configure(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(NoticeOutbox.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(NoticeOutbox.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance())
                .registerErrorHandler(NoticeOutbox.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
