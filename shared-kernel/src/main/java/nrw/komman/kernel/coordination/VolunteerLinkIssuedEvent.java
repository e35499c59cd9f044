package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** A personal link was issued; only its token's hash is kept. It replaces any earlier link of the volunteer. */
public record VolunteerLinkIssuedEvent(VolunteerId volunteerId, CentreId centreId, VolunteerLinkId linkId,
                                       String tokenHash, LocalDate expiresOn) {
}
