package nrw.komman.web.platform.security;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.ForbiddenException;

/**
 * The web module's own check that a coordinator addresses only their own centre, before anything
 * is sent (the handlers check it again). Other roles pass; their address rules are in
 * {@link SecurityConfiguration}.
 */
public final class CentreAccess {

    private CentreAccess() {
    }

    public static void requireOwnCentre(CentreId centreId) {
        CurrentActor.principal().ifPresent(principal -> {
            if (principal.centreId() != null && !principal.centreId().equals(centreId)) {
                throw foreignCentre();
            }
        });
    }

    public static ForbiddenException foreignCentre() {
        return new ForbiddenException("centre.foreign", "Sie haben nur Zugriff auf Ihr eigenes Integrationszentrum.");
    }
}
