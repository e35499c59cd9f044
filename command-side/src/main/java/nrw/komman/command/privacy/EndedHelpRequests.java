package nrw.komman.command.privacy;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.coordination.HelpRequestId;

import java.time.LocalDate;
import java.util.List;

/**
 * Port: the requests for help a retention run looks at, from the command side's own register of closed and
 * cancelled requests whose requester's data is still kept. Only a pre-selection: the {@code HelpRequest}
 * aggregate decides again from its own state before anything is erased.
 */
public interface EndedHelpRequests {

    /** Ended requests whose requester's data is not erased, ended on or before {@code cutoff}, oldest first. */
    List<EndedHelpRequest> endedOnOrBefore(LocalDate cutoff);

    record EndedHelpRequest(HelpRequestId requestId, CentreId centreId, LocalDate endedOn) {
    }
}
