package nrw.komman.web.platform.page;

import nrw.komman.kernel.access.Action;
import nrw.komman.kernel.access.Permissions;
import nrw.komman.kernel.access.Scope;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.web.account.AccountPrincipal;
import nrw.komman.web.platform.security.CurrentActor;
import org.springframework.security.access.AccessDeniedException;


/**
 * Which role may open a page, checked by the page itself for the addresses the security configuration
 * does not list one by one (the command side checks again). The answer is the permission map's
 * ({@link Permissions}, ADR 18). A refusal is Spring Security's {@link AccessDeniedException}: the German 403
 * page, as for the address rules.
 */
public final class UiAccess {

    private UiAccess() {
    }

    /** The signed-in account's role; null when nobody is signed in. */
    public static AccountRole role() {
        return CurrentActor.principal().map(AccountPrincipal::role).orElse(null);
    }

    /** Whether the signed-in account may take the action at all (on its own centre or any); false when nobody is. */
    public static boolean allows(Action action) {
        return CurrentActor.find().map(actor -> Permissions.allows(actor, action)).orElse(false);
    }

    /** Whether the signed-in account may take the action on any centre (not only its own); false when it may not at all. */
    public static boolean reachesAnyCentre(Action action) {
        return CurrentActor.find().map(actor -> Permissions.scopeOf(actor, action) == Scope.ANY_CENTRE).orElse(false);
    }

    /** Refuses a page to an account whose role may not take the action the page is for. */
    public static void require(Action action) {
        if (!allows(action)) {
            throw new AccessDeniedException("page not for role " + role());
        }
    }
}
