package nrw.komman.command.testing;

import nrw.komman.kernel.common.Actor;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;

/** Given events as they are recorded: with the actor who caused them in the metadata. */
public final class Given {

    private Given() {
    }

    public static EventMessage<?> by(Actor actor, Object payload) {
        return GenericEventMessage.asEventMessage(payload).andMetaData(actor.toMetaData());
    }
}
