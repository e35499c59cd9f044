package nrw.komman.kernel.volunteer;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** A volunteer's profile was updated (the whole new profile, languages and interests included, sealed). */
public record VolunteerProfileUpdatedEvent(VolunteerId volunteerId, CentreId centreId, SealedPersonalData personalData) {
}
