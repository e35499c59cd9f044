package nrw.komman.kernel.privacy;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.volunteer.VolunteerId;

import java.time.LocalDate;

/** The volunteer's key was destroyed: everything sealed under it reads as erased from now on, also in replays. */
public record VolunteerDataErasedEvent(VolunteerId volunteerId, CentreId centreId, ErasureReason reason, LocalDate erasedOn) {
}
