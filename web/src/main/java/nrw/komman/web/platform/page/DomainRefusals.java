package nrw.komman.web.platform.page;

import nrw.komman.kernel.common.DomainException;
import nrw.komman.web.platform.problem.ProblemMapper;

import java.util.Optional;

/**
 * Finds the domain refusal in an exception's cause chain, also inside Axon's exception details, in
 * the same way as the API's {@code ProblemMapper}.
 */
final class DomainRefusals {

    private DomainRefusals() {
    }

    static Optional<DomainException> find(Throwable ex) {
        return ProblemMapper.findDomainException(ex);
    }
}
