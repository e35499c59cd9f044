package nrw.komman.kernel.volunteer;

import nrw.komman.kernel.centre.CentreId;

import java.time.Instant;

/** The volunteer's consent to e-mail was withdrawn; no e-mail reaches them from now on. */
public record EmailConsentWithdrawnEvent(VolunteerId volunteerId, CentreId centreId, Instant withdrawnAt) {
}
