package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** The volunteer confirmed; {@code byVolunteer} tells whether they did so through their own link. */
public record AssignmentConfirmedEvent(HelpRequestId requestId, AssignmentId assignmentId, VolunteerId volunteerId,
                                       CentreId centreId, boolean byVolunteer) {
}
