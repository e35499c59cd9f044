package nrw.komman.kernel.common;

import org.axonframework.messaging.HandlerExecutionException;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link DomainException} as data, so that it can travel between processes: over Axon Server an
 * exception reaches the sender only as the "details" of a handler execution exception, serialized
 * like any message. The receiving side turns it back into the same exception.
 */
public record Refusal(DomainException.Kind kind, String code, String message) {

    public static Refusal of(DomainException refusal) {
        return new Refusal(refusal.kind(), refusal.code(), refusal.getMessage());
    }

    /**
     * The refusal behind an exception: itself, a cause, a suppressed one, or Axon's details (in one process the
     * exception, over Axon Server a {@link Refusal}).
     */
    public static Optional<DomainException> behind(Throwable ex) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = ex; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof DomainException d) {
                return Optional.of(d);
            }
            if (t instanceof HandlerExecutionException h && h.getDetails().orElse(null) instanceof DomainException d) {
                return Optional.of(d);
            }
            if (t instanceof HandlerExecutionException h && h.getDetails().orElse(null) instanceof Refusal r) {
                return Optional.of(r.toException());
            }
            Throwable[] suppressedOnes = t.getSuppressed();
            // null from a mocked or hand-made exception: nothing suppressed
            for (Throwable suppressed : suppressedOnes == null ? new Throwable[0] : suppressedOnes) {
                if (suppressed instanceof DomainException d) {
                    return Optional.of(d);
                }
            }
        }
        return Optional.empty();
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
