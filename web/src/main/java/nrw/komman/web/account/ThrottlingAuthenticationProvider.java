package nrw.komman.web.account;

import nrw.komman.web.platform.problem.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Sign-in throttling around the password check (ADR 13), for the form and for HTTP Basic alike. A blocked client
 * address is refused before any hash. The account's lockout is checked after the password check, whose outcome
 * it then overrides: a locked account takes as long and answers the same as a wrong password, so the answer
 * tells nobody whether the name is an account. Every failure of the delegate counts.
 */
public class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottlingAuthenticationProvider.class);

    private final AuthenticationProvider delegate;
    private final SignInThrottle throttle;
    private final CredentialCache credentialCache;

    public ThrottlingAuthenticationProvider(AuthenticationProvider delegate, SignInThrottle throttle, CredentialCache credentialCache) {
        this.delegate = delegate;
        this.credentialCache = credentialCache;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String client = SignInThrottle.client(authentication.getDetails());
        if (throttle.blocked(client)) {
            throw new SignInThrottledException(SignInThrottledException.Reason.CLIENT_BLOCKED);
        }
        Authentication result;
        try {
            result = delegate.authenticate(authentication);
        } catch (InternalAuthenticationServiceException e) {
            if (DatabaseOutage.isCauseOf(e) && e.getCause() instanceof RuntimeException outage) {
                throw outage; // the database is away, not the person wrong: 503 with Retry-After (DatabaseOutageFilter)
            }
            throw e; // the database failed, not the person
        } catch (AuthenticationException e) {
            count(authentication.getName(), client);
            throw e;
        }
        if (result != null && result.getPrincipal() instanceof AccountPrincipal account) {
            if (throttle.locked(account)) {
                // a right password during the lockout must not be remembered: its next try would skip the hash and
                // so answer faster than a wrong one, telling the guesser that this was the password
                credentialCache.invalidate(account.getUsername());
                throw new SignInThrottledException(SignInThrottledException.Reason.ACCOUNT_LOCKED);
            }
            throttle.succeeded(account);
        }
        return result;
    }

    private void count(String username, String client) {
        try {
            throttle.failed(username, client);
        } catch (RuntimeException e) {
            // the refusal stands; a database hiccup must not turn it into a 500
            log.warn("Could not count a failed sign-in: {}", e.toString());
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
