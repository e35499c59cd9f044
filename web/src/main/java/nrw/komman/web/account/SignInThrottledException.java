package nrw.komman.web.account;

import org.springframework.security.authentication.BadCredentialsException;

/**
 * A sign-in refused by the {@link SignInThrottle}. A {@link BadCredentialsException} on purpose: the form and the
 * API answer it exactly like a wrong password, so nobody learns whether an account exists or is locked. Only the
 * sign-in log tells the two apart.
 */
public class SignInThrottledException extends BadCredentialsException {

    public enum Reason {
        /** the account is locked after failed sign-ins */
        ACCOUNT_LOCKED,
        /** the client address is blocked after failed sign-ins */
        CLIENT_BLOCKED
    }

    private final transient Reason reason;

    public SignInThrottledException(Reason reason) {
        super("Bad credentials"); // Spring's own wording for a wrong password
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
