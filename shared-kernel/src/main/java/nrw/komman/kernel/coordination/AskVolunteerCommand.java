package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** The coordinator asks one active volunteer of the centre; their time is held until they answer (no overlaps). */
public record AskVolunteerCommand(@TargetAggregateIdentifier HelpRequestId requestId, AssignmentId assignmentId,
                                  VolunteerId volunteerId) {

    public AskVolunteerCommand {
        Guard.required(requestId, "requestId", "Die Kennung der Einsatzanfrage");
        Guard.required(assignmentId, "assignmentId", "Die Kennung des Einsatzes");
        Guard.required(volunteerId, "volunteerId", "Die Kennung der/des Ehrenamtlichen");
    }
}
