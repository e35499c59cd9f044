package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** Cancel one volunteer's assignment (with its reason) and ask another in its place, in one step. */
public record ReplaceAssignmentCommand(@TargetAggregateIdentifier HelpRequestId requestId, AssignmentId assignmentId,
                                       AssignmentId replacementId, VolunteerId replacement, String reason) {

    public ReplaceAssignmentCommand {
        Guard.required(requestId, "requestId", "Die Kennung der Einsatzanfrage");
        Guard.required(assignmentId, "assignmentId", "Die Kennung des Einsatzes");
        Guard.required(replacementId, "replacementId", "Die Kennung des neuen Einsatzes");
        Guard.required(replacement, "replacement", "Die Person, die einspringt");
        reason = Guard.optionalText(reason, "reason", "Der Grund", 500);
    }
}
