package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/**
 * One request as its centre's coordinators see it, with the requester's data opened (null once erased) and every
 * assignment.
 */
public record HelpRequestView(HelpRequestSummary summary, String place, String requesterName, String requesterContact,
                              String note, GrantId grantId, boolean requesterErased, LocalDate closedOn,
                              List<AssignmentView> assignments) {
}
