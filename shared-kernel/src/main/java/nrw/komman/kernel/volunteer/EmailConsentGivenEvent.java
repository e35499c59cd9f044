package nrw.komman.kernel.volunteer;

import nrw.komman.kernel.centre.CentreId;

/**
 * The volunteer agreed to be contacted by e-mail; the document sealed under the volunteer's key (ADR 21), version
 * and time plain. Recorded on its own or in the registration's command, after {@link VolunteerRegisteredEvent}.
 */
public record EmailConsentGivenEvent(VolunteerId volunteerId, CentreId centreId, SealedConsent consent) {
}
