package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/**
 * A request on its centre's board: no personal data (the requester and the place are on the request's page).
 * {@code unstaffedStartsAt}: the platform found it not staffed some hours before this start
 * ({@link HelpRequestUnstaffedEvent}) and it is still neither staffed, cancelled nor closed; null otherwise.
 */
public record HelpRequestSummary(HelpRequestId requestId, CentreId centreId, ActivityCategory category,
                                 Set<String> languages, Schedule schedule, int minutes, String municipality,
                                 int volunteersNeeded, int confirmed, int pending, HelpRequestStatus status,
                                 Instant unstaffedStartsAt) {

    @com.fasterxml.jackson.annotation.JsonCreator
    public HelpRequestSummary {
    }

    /** A request nobody found unstaffed (as before issue 19). */
    public HelpRequestSummary(HelpRequestId requestId, CentreId centreId, ActivityCategory category,
                              Set<String> languages, Schedule schedule, int minutes, String municipality,
                              int volunteersNeeded, int confirmed, int pending, HelpRequestStatus status) {
        this(requestId, centreId, category, languages, schedule, minutes, municipality, volunteersNeeded, confirmed,
                pending, status, null);
    }

    /** Found unstaffed before it starts and not answered yet: the board shows it first. */
    public boolean unstaffed() {
        return unstaffedStartsAt != null;
    }
}
