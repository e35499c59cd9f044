package nrw.komman.kernel.activity;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** An activity was withdrawn; it no longer counts. */
public record ActivityWithdrawnEvent(ActivityId activityId, VolunteerId volunteerId, CentreId centreId, String reason) {
}
