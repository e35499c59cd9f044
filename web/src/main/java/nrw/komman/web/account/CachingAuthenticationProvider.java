package nrw.komman.web.account;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.time.Clock;
import java.util.Optional;

/**
 * User name and password authentication that runs the password hash only when the pair was not
 * verified in the last minutes (see {@link CredentialCache}). A remembered pair still loads the
 * account (one primary-key read) and is trusted only while the account is enabled and its password
 * hash is the one that was verified. Everything else goes to the delegate (a
 * {@link PasswordVerification}), which also produces every failure. A blocked pair of name and address never
 * reaches this cache ({@link ThrottlingAuthenticationProvider}): a remembered right password would answer faster.
 */
public class CachingAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final UserDetailsService accounts;
    private final CredentialCache cache;

    private final Clock clock;

    public CachingAuthenticationProvider(AuthenticationProvider delegate, UserDetailsService accounts, CredentialCache cache) {
        this(delegate, accounts, cache, Clock.systemUTC());
    }

    public CachingAuthenticationProvider(AuthenticationProvider delegate, UserDetailsService accounts, CredentialCache cache,
                                         Clock clock) {
        this.clock = clock;
        this.delegate = delegate;
        this.accounts = accounts;
        this.cache = cache;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (username == null || !(credentials instanceof String password)) {
            return delegate.authenticate(authentication);
        }
        String key = cache.key(username, password);
        Optional<CredentialCache.Entry> remembered = cache.lookup(key);
        if (remembered.isPresent()) {
            UserDetails user = load(username);
            if (user != null && usable(user) && CredentialCache.sameHash(remembered.get(), user.getPassword())) {
                Remembered result = new Remembered(user);
                result.setDetails(authentication.getDetails());
                return result;
            }
            cache.forget(key);
        }
        Authentication result = delegate.authenticate(authentication);
        if (result != null && result.isAuthenticated() && result.getPrincipal() instanceof UserDetails user) {
            cache.remember(key, user.getUsername(), user.getPassword()); // before the manager erases it
        }
        return result;
    }

    private UserDetails load(String username) {
        try {
            return accounts.loadUserByUsername(username);
        } catch (UsernameNotFoundException e) {
            return null;
        }
    }

    private static boolean usable(UserDetails user) {
        return user.isEnabled() && user.isAccountNonLocked() && user.isAccountNonExpired() && user.isCredentialsNonExpired();
    }

    /** True when the password was not checked again because a check minutes ago is remembered. */
    public static boolean remembered(Authentication authentication) {
        return authentication instanceof Remembered;
    }

    /** A sign-in served from the cache (the sign-in log does not list every request of a program). */
    static final class Remembered extends UsernamePasswordAuthenticationToken {

        Remembered(UserDetails user) {
            super(user, null, user.getAuthorities()); // authenticated
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
