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
 * The volunteer says yes, through their link or by telling the coordinator. Refused when it lies in the past, when
 * the request is already staffed, or (an offer) when the volunteer is meanwhile booked at an overlapping time.
 */
public record ConfirmAssignmentCommand(@TargetAggregateIdentifier HelpRequestId requestId, AssignmentId assignmentId) {

    public ConfirmAssignmentCommand {
        Guard.required(requestId, "requestId", "Die Kennung der Einsatzanfrage");
        Guard.required(assignmentId, "assignmentId", "Die Kennung des Einsatzes");
    }
}
