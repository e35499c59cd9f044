package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** A confirmed assignment took place on a day; the activity {@code activityId} is logged for the volunteer with it. */
public record AssignmentTookPlaceEvent(HelpRequestId requestId, AssignmentId assignmentId, VolunteerId volunteerId,
                                       CentreId centreId, LocalDate day, int minutes, ActivityCategory category,
                                       GrantId grantId, ActivityId activityId) {
}
