package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** A volunteer was asked for a request; their time for its schedule is held. */
public record VolunteerAskedEvent(HelpRequestId requestId, AssignmentId assignmentId, VolunteerId volunteerId,
                                  CentreId centreId, Schedule schedule) {
}
