package nrw.komman.web.platform.security;

import nrw.komman.kernel.access.Permissions;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.ForbiddenException;

/**
 * The web module's own check that an account bound to a centre (a coordinator) addresses only that centre, before
 * anything is sent (the handlers check the action again). Other roles pass; what they may do is the permission
 * map's answer ({@link Permissions}), asked by {@link SecurityConfiguration} and the handlers.
 */
public final class CentreAccess {

    private CentreAccess() {
    }

    public static void requireOwnCentre(CentreId centreId) {
        CurrentActor.find().ifPresent(actor -> {
            if (!Permissions.mayAddress(actor, centreId)) {
                throw foreignCentre();
            }
        });
    }

    public static ForbiddenException foreignCentre() {
        return new ForbiddenException("centre.foreign", "Sie haben nur Zugriff auf Ihr eigenes Integrationszentrum.");
    }
}
