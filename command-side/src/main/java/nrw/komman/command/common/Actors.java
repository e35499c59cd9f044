package nrw.komman.command.common;

import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.common.AccountRole;
import org.axonframework.messaging.MetaData;

import java.util.Arrays;

/** Small helpers for "who may do this", shared by the aggregates. */
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

    public static void requireRole(Actor actor, String code, String message, AccountRole... allowed) {
        if (Arrays.stream(allowed).noneMatch(actor::is)) {
            throw new ForbiddenException(code, message);
        }
    }
}
