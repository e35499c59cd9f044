package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/**
 * One volunteer's assignment as the centre sees it (names opened) or the volunteer sees it on their page.
 *
 * @param volunteerName null once the volunteer's data is erased
 * @param place         null once the requester's data is erased, and for the volunteer's page before they confirmed
 * @param reason        the decline or cancellation reason, if one was given and is not erased
 * @param tookPlaceOn   the days recorded as taken place, each an activity
 * @param noShowOn      the days the volunteer did not come
 */
public record AssignmentView(AssignmentId assignmentId, HelpRequestId requestId, CentreId centreId,
                             VolunteerId volunteerId, String volunteerName, AssignmentStatus status,
                             ActivityCategory category, Schedule schedule, int minutes, String municipality,
                             String place, String reason, List<LocalDate> tookPlaceOn, List<LocalDate> noShowOn) {
}
