package nrw.komman.web.ui.coordinator;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.web.security.AccountPrincipal;
import nrw.komman.web.security.CurrentActor;
import org.springframework.security.access.AccessDeniedException;

/** The signed-in coordinator's centre (the security rules let only coordinators reach these pages). */
final class Coordinators {

    private Coordinators() {
    }

    static CentreId centre() {
        return CurrentActor.principal().map(AccountPrincipal::centreId)
                .orElseThrow(() -> new AccessDeniedException("only coordinators have a centre"));
    }
}
