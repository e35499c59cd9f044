package nrw.komman.kernel.activity;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** An activity was logged; the note is sealed under the volunteer's key. */
public record ActivityLoggedEvent(ActivityId activityId, VolunteerId volunteerId, CentreId centreId, LocalDate date, int minutes, ActivityCategory category, SealedText note, GrantId grantId) {
}
