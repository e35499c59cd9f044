package nrw.komman.kernel.common;

/**
 * A {@link DomainException} as data, so that it can travel between processes: over Axon Server an
 * exception reaches the sender only as the "details" of a handler execution exception, serialized
 * like any message. The receiving side turns it back into the same exception.
 */
public record Refusal(DomainException.Kind kind, String code, String message) {

    public static Refusal of(DomainException refusal) {
        return new Refusal(refusal.kind(), refusal.code(), refusal.getMessage());
    }

    public DomainException toException() {
        return switch (kind) {
            case INVALID_INPUT -> new InvalidInputException(code, message);
            case FORBIDDEN -> new ForbiddenException(code, message);
            case NOT_FOUND -> new NotFoundException(code, message);
            case RULE_VIOLATED -> new RuleViolationException(code, message);
        };
    }
}
