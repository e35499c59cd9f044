package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/**
 * A centre's board: its requests in the given statuses (open, partly staffed and staffed when empty), soonest
 * first; requests whose last day lies before {@code from} are left out when {@code from} is given.
 */
public record FindHelpRequestsQuery(CentreId centreId, Set<HelpRequestStatus> statuses, LocalDate from) {

    public FindHelpRequestsQuery {
        Guard.required(centreId, "centreId", "Das Integrationszentrum");
        statuses = statuses == null || statuses.isEmpty()
                ? Set.of(HelpRequestStatus.OPEN, HelpRequestStatus.PARTLY_STAFFED, HelpRequestStatus.STAFFED)
                : Set.copyOf(statuses);
    }
}
