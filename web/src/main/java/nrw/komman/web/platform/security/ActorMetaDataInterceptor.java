package nrw.komman.web.platform.security;

import nrw.komman.kernel.common.Actor;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Adds the signed-in account's {@link Actor} to every command and query the web module dispatches
 * ({@link Actor#toMetaData()}). A message that already names an actor ({@link Actor#ACCOUNT}) is left
 * alone, e.g. the application's seeding with {@link Actor#SYSTEM}; without a signed-in account
 * nothing is added and the handlers refuse the message.
 */
public class ActorMetaDataInterceptor<T extends Message<?>> implements MessageDispatchInterceptor<T> {

    @Override
    @SuppressWarnings("unchecked")
    public BiFunction<Integer, T, T> handle(List<? extends T> messages) {
        return (index, message) -> {
            if (message.getMetaData().containsKey(Actor.ACCOUNT)) {
                return message;
            }
            return CurrentActor.find()
                    .map(actor -> (T) message.andMetaData(actor.toMetaData()))
                    .orElse(message);
        };
    }
}
