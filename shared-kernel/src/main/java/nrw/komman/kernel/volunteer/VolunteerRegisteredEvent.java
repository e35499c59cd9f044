package nrw.komman.kernel.volunteer;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

import java.time.*;
import java.util.*;

/**
 * A volunteer was registered; personal data (languages and interests included) sealed under the volunteer's key.
 * Revision 1 (ADR 21): the consent's document is sealed too ({@link SealedConsent}).
 */
@Revision("1")
public record VolunteerRegisteredEvent(VolunteerId volunteerId, CentreId centreId, SealedPersonalData personalData, SealedConsent consent, LocalDate registeredOn) {
}
