package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** A place of a request was offered to a volunteer; nothing is held until they accept. */
public record AssignmentOfferedEvent(HelpRequestId requestId, AssignmentId assignmentId, VolunteerId volunteerId,
                                     CentreId centreId, Schedule schedule) {
}
