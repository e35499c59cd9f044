package nrw.komman.web.ui;

import nrw.komman.kernel.common.Role;
import nrw.komman.web.security.AccountPrincipal;
import nrw.komman.web.security.CurrentActor;
import org.springframework.security.access.AccessDeniedException;

import java.util.Arrays;

/**
 * Which role may open a page, checked by the page itself for the addresses the security configuration
 * does not list one by one (the command side checks again). A refusal is Spring Security's
 * {@link AccessDeniedException}: the German 403 page, as for the address rules.
 */
public final class UiAccess {

    private UiAccess() {
    }

    /** The signed-in account's role; null when nobody is signed in. */
    public static Role role() {
        return CurrentActor.principal().map(AccountPrincipal::role).orElse(null);
    }

    public static void requireRole(Role... allowed) {
        Role role = role();
        if (role == null || Arrays.stream(allowed).noneMatch(r -> r == role)) {
            throw new AccessDeniedException("page not for role " + role);
        }
    }
}
