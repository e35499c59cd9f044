package nrw.komman.command.grant;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.GrantStatus;

import java.util.Optional;

/**
 * Port: what the volunteer and request aggregates need to know about a grant an activity or a request refers to. The
 * volunteer decides; the port only reports the facts.
 */
public interface GrantRegistry {

    /** The grant's facts, or empty when no grant has this id. */
    Optional<GrantFacts> find(GrantId grantId);

    /**
     * The facts of a grant something of a centre is to be booked on (an activity, a request for help): it exists, is
     * of that centre and approved; refused otherwise with {@code <codePrefix>.grant.unknown}, {@code .other-centre},
     * {@code .not-approved}. Whether its funding year fits is the caller's question.
     */
    default GrantFacts requireApprovedOf(GrantId grantId, CentreId centreId, String codePrefix) {
        GrantFacts grant = find(grantId).orElseThrow(() -> new RuleViolationException(codePrefix + ".grant.unknown",
                "Die angegebene Zuwendung gibt es nicht."));
        if (!grant.centreId().equals(centreId)) {
            throw new RuleViolationException(codePrefix + ".grant.other-centre",
                    "Die angegebene Zuwendung gehört zu einem anderen Integrationszentrum.");
        }
        if (!grant.isApproved()) {
            throw new RuleViolationException(codePrefix + ".grant.not-approved", "Die angegebene Zuwendung ist nicht bewilligt.");
        }
        return grant;
    }

    record GrantFacts(GrantId grantId, CentreId centreId, int fundingYear, GrantStatus status) {

        public boolean isApproved() {
            return status == GrantStatus.APPROVED;
        }
    }
}
