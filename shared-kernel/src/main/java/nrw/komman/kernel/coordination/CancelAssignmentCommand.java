package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** The coordinator cancels an assignment; after a confirmation a reason is required and kept. */
public record CancelAssignmentCommand(@TargetAggregateIdentifier HelpRequestId requestId, AssignmentId assignmentId,
                                      String reason) {

    public CancelAssignmentCommand {
        Guard.required(requestId, "requestId", "Die Kennung der Einsatzanfrage");
        Guard.required(assignmentId, "assignmentId", "Die Kennung des Einsatzes");
        reason = Guard.optionalText(reason, "reason", "Der Grund", 500);
    }
}
