package nrw.komman.web.platform.security;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryMessage;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Registers the {@link ActorMetaDataInterceptor} on every {@link CommandGateway} and
 * {@link QueryGateway} bean (Axon's auto-configured ones, or the application's own) as they are
 * created. The interceptor is deliberately not a bean: Axon's InterceptorAutoConfiguration would
 * register a {@code MessageDispatchInterceptor} bean a second time, and on the event gateway too.
 */
@Component
public class ActorMetaDataRegistrar implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof CommandGateway commandGateway) {
            commandGateway.registerDispatchInterceptor(new ActorMetaDataInterceptor<CommandMessage<?>>());
        }
        if (bean instanceof QueryGateway queryGateway) {
            queryGateway.registerDispatchInterceptor(new ActorMetaDataInterceptor<QueryMessage<?, ?>>());
        }
        return bean;
    }
}
