package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** The volunteer's link stopped working. Deactivation and erasure stop it too, without this event. */
public record VolunteerLinkRevokedEvent(VolunteerId volunteerId, CentreId centreId, VolunteerLinkId linkId) {
}
