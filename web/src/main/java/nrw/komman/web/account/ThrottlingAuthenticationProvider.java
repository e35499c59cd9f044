package nrw.komman.web.account;

import nrw.komman.web.platform.problem.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Sign-in throttling around the password check (ADR 24), for the form and for HTTP Basic alike.
 *
 * <p>Every refusal does the same work and gives the same answer as a wrong password: one password verification (of
 * the account's hash, or of a dummy hash for a name that is no account), then a {@code BadCredentialsException}.
 * A blocked pair of name and address, or a blocked address, is refused after a verification whose outcome is
 * ignored and never remembered ({@code verifying} is the password check without the credential cache), so that
 * a right password during a block neither answers faster nor gets in. Disabled accounts are refused after the
 * password check too ({@link PasswordVerification}). Every failure that was heard counts.
 */
public class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottlingAuthenticationProvider.class);

    private final AuthenticationProvider remembering;
    private final AuthenticationProvider verifying;
    private final SignInThrottle throttle;

    /**
     * @param remembering the password check behind the credential cache (the normal path)
     * @param verifying   the password check alone, for attempts that are refused whatever the password
     */
    public ThrottlingAuthenticationProvider(AuthenticationProvider remembering, AuthenticationProvider verifying,
                                            SignInThrottle throttle) {
        this.remembering = remembering;
        this.verifying = verifying;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String client = SignInThrottle.client(authentication.getDetails());
        String name = authentication.getName();
        SignInThrottle.Pair pair = pair(name, client);
        SignInThrottledException.Reason refusal = null;
        if (throttle.clientBlocked(client)) {
            refusal = SignInThrottledException.Reason.CLIENT_BLOCKED;
        } else if (pair != null && pair.blockedAt(throttle.now())) {
            refusal = SignInThrottledException.Reason.PAIR_BLOCKED;
        }
        if (refusal != null) {
            verifyInVain(authentication);
            throw new SignInThrottledException(refusal);
        }
        Authentication result;
        try {
            result = remembering.authenticate(authentication);
        } catch (InternalAuthenticationServiceException e) {
            throw unavailable(e);
        } catch (AuthenticationException e) {
            count(name, client);
            throw e;
        }
        if (result != null && result.isAuthenticated() && pair != null) {
            forget(name, client);
        }
        return result;
    }

    /** The work of a password check whose outcome does not matter: the refusal must take as long as any other. */
    private void verifyInVain(Authentication authentication) {
        try {
            verifying.authenticate(authentication);
        } catch (InternalAuthenticationServiceException e) {
            throw unavailable(e);
        } catch (AuthenticationException expected) {
            // refused anyway
        }
    }

    private SignInThrottle.Pair pair(String name, String client) {
        try {
            return throttle.pair(name, client);
        } catch (RuntimeException e) {
            if (DatabaseOutage.isCauseOf(e)) {
                throw e; // the database is away, not the person wrong: 503 with Retry-After (DatabaseOutageFilter)
            }
            throw new InternalAuthenticationServiceException("Could not read the sign-in throttle", e);
        }
    }

    private static RuntimeException unavailable(InternalAuthenticationServiceException e) {
        if (DatabaseOutage.isCauseOf(e) && e.getCause() instanceof RuntimeException outage) {
            return outage; // the database is away, not the person wrong: 503 with Retry-After (DatabaseOutageFilter)
        }
        return e; // the database failed, not the person
    }

    private void count(String username, String client) {
        try {
            throttle.failed(username, client);
        } catch (RuntimeException e) {
            // the refusal stands; a database hiccup must not turn it into a 500
            log.warn("Could not count a failed sign-in: {}", e.toString());
        }
    }

    private void forget(String username, String client) {
        try {
            throttle.succeeded(username, client);
        } catch (RuntimeException e) {
            log.warn("Could not forget the failed sign-ins after a success: {}", e.toString());
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return remembering.supports(authentication);
    }
}
