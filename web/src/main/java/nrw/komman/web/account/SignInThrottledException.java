package nrw.komman.web.account;

import org.springframework.security.authentication.BadCredentialsException;

/**
 * A sign-in refused by the {@link SignInThrottle}. A {@link BadCredentialsException} on purpose: the form and the
 * API answer it exactly like a wrong password, after the same work (ADR 24), so nobody learns whether an account exists
 * or is blocked. Only the
 * sign-in log tells the two apart.
 */
public class SignInThrottledException extends BadCredentialsException {

    public enum Reason {
        /** failures of this name from this client address block the pair (or slow it down) */
        PAIR_BLOCKED,
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
