package nrw.komman.kernel.common;

/**
 * A refusal the people using the platform can understand. The {@link #code()} is stable
 * (for programs and message bundles); the message is German, written for a coordinator.
 * Subtypes say which HTTP status the refusal maps to.
 */
public abstract class DomainException extends RuntimeException {

    private final String code;

    protected DomainException(String code, String message) {
        super(message, null, false, false); // refusals are expected: no stack trace to fill
        this.code = code;
    }

    public String code() {
        return code;
    }

    public abstract Kind kind();

    /** How a refusal maps onto HTTP: 400, 403, 404 or 409. */
    public enum Kind { INVALID_INPUT, FORBIDDEN, NOT_FOUND, RULE_VIOLATED }
}
