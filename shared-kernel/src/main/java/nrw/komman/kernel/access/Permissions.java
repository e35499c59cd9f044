package nrw.komman.kernel.access;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.ForbiddenException;

/**
 * The questions every layer asks of the permission map ({@link Action}): the web before it sends anything, the
 * aggregates before they record a fact, the query handlers before they touch a row. A refusal is a
 * {@link ForbiddenException} (403) with the action's code and German sentence.
 */
public final class Permissions {

    private Permissions() {
    }

    /** How far the actor reaches with the action; null when their role may not take it at all. */
    public static Scope scopeOf(Actor actor, Action action) {
        return action.scopeFor(actor.role());
    }

    /** Whether the actor's role may take the action on some centre's data. */
    public static boolean allows(Actor actor, Action action) {
        return scopeOf(actor, action) != null;
    }

    /**
     * Whether the actor may take the action on the given centre's data. A null centre means the whole state (or
     * no centre at all): never within a centre-bound reach.
     */
    public static boolean allows(Actor actor, Action action, CentreId centre) {
        Scope scope = scopeOf(actor, action);
        return scope == Scope.ANY_CENTRE || scope == Scope.OWN_CENTRE && centre != null && centre.equals(actor.centre());
    }

    /** Refuses an actor whose role may not take the action; returns how far they reach with it. */
    public static Scope require(Actor actor, Action action) {
        Scope scope = scopeOf(actor, action);
        if (scope == null) {
            throw action.refusal().exception();
        }
        return scope;
    }

    /** Refuses an actor who may not take the action on the given centre's data (null: the whole state). */
    public static void require(Actor actor, Action action, CentreId centre) {
        require(actor, action);
        if (!allows(actor, action, centre)) {
            throw action.foreignCentreRefusal().exception();
        }
    }

    /**
     * Whether the actor may address the given centre at all: an actor bound to a centre (a coordinator, whose every
     * action but reading the public register of centres reaches their own centre only) addresses only that one.
     * For the web's early check, before it knows which action the handler will take.
     */
    public static boolean mayAddress(Actor actor, CentreId centre) {
        return actor.centre() == null || actor.centre().equals(centre);
    }
}
