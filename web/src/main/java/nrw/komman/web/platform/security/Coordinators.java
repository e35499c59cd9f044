package nrw.komman.web.platform.security;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.web.account.AccountPrincipal;
import nrw.komman.web.platform.security.CurrentActor;
import org.springframework.security.access.AccessDeniedException;

/** The signed-in coordinator's centre (the security rules let only coordinators reach these pages). */
public final class Coordinators {

    private Coordinators() {
    }

    public static CentreId centre() {
        return CurrentActor.principal().map(AccountPrincipal::centreId)
                .orElseThrow(() -> new AccessDeniedException("only coordinators have a centre"));
    }
}
