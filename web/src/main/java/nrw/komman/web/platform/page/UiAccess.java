package nrw.komman.web.platform.page;

import nrw.komman.kernel.common.AccountRole;
import nrw.komman.web.account.AccountPrincipal;
import nrw.komman.web.platform.security.CurrentActor;
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
    public static AccountRole role() {
        return CurrentActor.principal().map(AccountPrincipal::role).orElse(null);
    }

    public static void requireRole(AccountRole... allowed) {
        AccountRole role = role();
        if (role == null || Arrays.stream(allowed).noneMatch(r -> r == role)) {
            throw new AccessDeniedException("page not for role " + role);
        }
    }
}
