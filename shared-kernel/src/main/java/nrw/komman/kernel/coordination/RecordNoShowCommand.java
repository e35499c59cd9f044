package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** The volunteer did not come on one of a confirmed assignment's days: a fact, counted, never an activity. */
public record RecordNoShowCommand(@TargetAggregateIdentifier HelpRequestId requestId, AssignmentId assignmentId,
                                  LocalDate day) {

    public RecordNoShowCommand {
        Guard.required(requestId, "requestId", "Die Kennung der Einsatzanfrage");
        Guard.required(assignmentId, "assignmentId", "Die Kennung des Einsatzes");
        Guard.required(day, "day", "Der Tag");
    }
}
