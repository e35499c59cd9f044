package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/** A request on its centre's board: no personal data (the requester and the place are on the request's page). */
public record HelpRequestSummary(HelpRequestId requestId, CentreId centreId, ActivityCategory category,
                                 Set<String> languages, Schedule schedule, int minutes, String municipality,
                                 int volunteersNeeded, int confirmed, int pending, HelpRequestStatus status) {
}
