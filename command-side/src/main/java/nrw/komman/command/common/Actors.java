package nrw.komman.command.common;

import nrw.komman.kernel.common.Actor;
import org.axonframework.messaging.MetaData;

/**
 * Who sends a command and how the fact records it, shared by the aggregates. Whether the actor may send it is the
 * permission map's answer ({@link nrw.komman.kernel.access.Permissions}).
 */
public final class Actors {

    private Actors() {
    }

    /** The actor of a command; a command without one is refused (403). */
    public static Actor of(MetaData metaData) {
        return Actor.fromMetaData(metaData);
    }

    /** The actor's metadata to put on an applied event, so the fact says who did it even without correlation data. */
    public static MetaData metaDataOf(Actor actor) {
        return MetaData.from(actor.toMetaData());
    }

    /** The account that caused an event, as recorded in its metadata (null for events without one). */
    public static String accountOf(MetaData eventMetaData) {
        Object account = eventMetaData.get(Actor.ACCOUNT);
        return account == null ? null : account.toString();
    }
}
