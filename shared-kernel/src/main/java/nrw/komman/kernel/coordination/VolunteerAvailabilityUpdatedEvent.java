package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** A volunteer's availability changed; its {@link Availability#canonical() canonical form} sealed under their key. */
public record VolunteerAvailabilityUpdatedEvent(VolunteerId volunteerId, CentreId centreId, SealedText availability) {
}
