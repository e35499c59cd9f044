package nrw.komman.kernel.privacy;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.volunteer.VolunteerId;

import java.time.Instant;

/** The volunteer withdrew consent; followed by {@link VolunteerDataErasedEvent} in the same command. */
public record ConsentWithdrawnEvent(VolunteerId volunteerId, CentreId centreId, Instant withdrawnAt) {
}
