package nrw.komman.web.account;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password check (ADR 24): Spring's {@link DaoAuthenticationProvider}, which verifies a dummy hash for a name that
 * is no account, with the account's state checked after the password rather than before. Spring refuses a disabled
 * account before the password, in a few milliseconds instead of a hash's tens, and so told a guesser which names are
 * accounts. Here every sign-in attempt costs one verification, and a disabled account is refused like a wrong
 * password ({@link BadCredentialsException}, whatever the password); the sign-in log still says "disabled".
 */
public class PasswordVerification extends DaoAuthenticationProvider {

    public PasswordVerification(UserDetailsService accounts, PasswordEncoder passwordEncoder) {
        super(accounts);
        setPasswordEncoder(passwordEncoder);
        setPreAuthenticationChecks(user -> {
            // nothing before the password: any refusal here would answer faster than a verification
        });
        setPostAuthenticationChecks(PasswordVerification::usable);
    }

    private static void usable(UserDetails user) {
        if (!user.isEnabled() || !user.isAccountNonLocked() || !user.isAccountNonExpired() || !user.isCredentialsNonExpired()) {
            throw new BadCredentialsException("Bad credentials"); // Spring's own wording for a wrong password
        }
    }
}
