package nrw.komman.web.ui;

import nrw.komman.kernel.common.DomainException;
import org.axonframework.messaging.HandlerExecutionException;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the domain refusal in an exception's cause chain, also inside Axon's exception details, in
 * the same way as the API's {@code ProblemMapper}.
 */
final class DomainRefusals {

    private DomainRefusals() {
    }

    static Optional<DomainException> find(Throwable ex) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = ex; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof DomainException d) {
                return Optional.of(d);
            }
            if (t instanceof HandlerExecutionException h && h.getDetails().orElse(null) instanceof DomainException d) {
                return Optional.of(d);
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed instanceof DomainException d) {
                    return Optional.of(d);
                }
            }
        }
        return Optional.empty();
    }
}
