package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/**
 * The coordinator records that a confirmed assignment took place on one of its days; it becomes a logged activity
 * ({@code activityId}, with the request's category and grant) without typing it again. The form proposes the
 * request's minutes; the coordinator may change them.
 */
public record RecordAssignmentTookPlaceCommand(@TargetAggregateIdentifier HelpRequestId requestId,
                                               AssignmentId assignmentId, LocalDate day, int minutes,
                                               ActivityId activityId) {

    public RecordAssignmentTookPlaceCommand {
        Guard.required(requestId, "requestId", "Die Kennung der Einsatzanfrage");
        Guard.required(assignmentId, "assignmentId", "Die Kennung des Einsatzes");
        Guard.required(day, "day", "Der Tag");
        ActivityRules.checkDuration(minutes);
        Guard.required(activityId, "activityId", "Die Kennung des Einsatzes im Protokoll");
    }
}
