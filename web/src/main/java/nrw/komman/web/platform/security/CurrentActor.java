package nrw.komman.web.platform.security;

import nrw.komman.web.account.AccountPrincipal;
import nrw.komman.kernel.common.Actor;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** The acting account of the current request, from the security context. */
public final class CurrentActor {

    private CurrentActor() {
    }

    public static Optional<AccountPrincipal> principal() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof AccountPrincipal principal) {
            return Optional.of(principal);
        }
        return Optional.empty();
    }

    public static Optional<Actor> find() {
        return principal().map(AccountPrincipal::actor);
    }

    public static Actor require() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("no signed-in account"));
    }
}
