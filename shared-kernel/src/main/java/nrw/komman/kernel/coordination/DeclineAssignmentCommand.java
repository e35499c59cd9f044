package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** The volunteer says no; a reason is optional. The held time is released. */
public record DeclineAssignmentCommand(@TargetAggregateIdentifier HelpRequestId requestId, AssignmentId assignmentId,
                                       String reason) {

    public DeclineAssignmentCommand {
        Guard.required(requestId, "requestId", "Die Kennung der Einsatzanfrage");
        Guard.required(assignmentId, "assignmentId", "Die Kennung des Einsatzes");
        reason = Guard.optionalText(reason, "reason", "Der Grund", 500);
    }
}
