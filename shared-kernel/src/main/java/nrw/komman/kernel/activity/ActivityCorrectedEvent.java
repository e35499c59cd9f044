package nrw.komman.kernel.activity;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** An activity was corrected: the whole corrected activity, and why. */
public record ActivityCorrectedEvent(ActivityId activityId, VolunteerId volunteerId, CentreId centreId, LocalDate date, int minutes, ActivityCategory category, SealedText note, GrantId grantId, String reason) {
}
