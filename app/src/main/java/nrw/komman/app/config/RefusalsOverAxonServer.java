package nrw.komman.app.config;

import nrw.komman.kernel.common.DomainException;
import nrw.komman.kernel.common.Refusal;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryExecutionException;
import org.axonframework.queryhandling.QueryMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;

/**
 * The split topology: a refusal of a command or query handler on another node reaches the web node
 * only as an execution exception's details (Axon Server carries no exception objects). The handlers'
 * {@link DomainException}s are therefore sent as a {@link Refusal}; the web module's dispatchers turn
 * it back into the same exception, so the API answers 400/403/404/409 as in one process. Within one
 * process nothing changes: this is only active with Axon Server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "axon.axonserver", name = "enabled", havingValue = "true")
public class RefusalsOverAxonServer {

    @Autowired
    void register(CommandBus commandBus, QueryBus queryBus) {
        commandBus.registerHandlerInterceptor(commandRefusals());
        queryBus.registerHandlerInterceptor(queryRefusals());
    }

    static MessageHandlerInterceptor<CommandMessage<?>> commandRefusals() {
        return (unitOfWork, chain) -> {
            try {
                return chain.proceed();
            } catch (DomainException refusal) {
                throw new CommandExecutionException(refusal.getMessage(), refusal, Refusal.of(refusal));
            }
        };
    }

    static MessageHandlerInterceptor<QueryMessage<?, ?>> queryRefusals() {
        return (unitOfWork, chain) -> {
            try {
                return chain.proceed();
            } catch (DomainException refusal) {
                throw new QueryExecutionException(refusal.getMessage(), refusal, Refusal.of(refusal));
            }
        };
    }
}
