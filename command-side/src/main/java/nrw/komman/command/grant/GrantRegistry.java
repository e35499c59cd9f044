package nrw.komman.command.grant;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.GrantStatus;

import java.util.Optional;

/**
 * Port: what the volunteer aggregate needs to know about a grant an activity refers to. The
 * volunteer decides; the port only reports the facts.
 */
public interface GrantRegistry {

    /** The grant's facts, or empty when no grant has this id. */
    Optional<GrantFacts> find(GrantId grantId);

    record GrantFacts(GrantId grantId, CentreId centreId, int fundingYear, GrantStatus status) {

        public boolean isApproved() {
            return status == GrantStatus.APPROVED;
        }
    }
}
