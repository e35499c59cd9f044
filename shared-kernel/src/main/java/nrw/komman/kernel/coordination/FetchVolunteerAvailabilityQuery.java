package nrw.komman.kernel.coordination;

import nrw.komman.kernel.common.Guard;
import nrw.komman.kernel.volunteer.VolunteerId;

/**
 * A volunteer's structured availability, for their coordinators (the form on the volunteer's page): answers
 * {@link Availability} ({@link Availability#UNKNOWN} when nothing was said), opened from its sealed form; nothing once
 * the volunteer is erased. Read with {@code READ_PERSONAL_DATA} of the volunteer's centre.
 */
public record FetchVolunteerAvailabilityQuery(VolunteerId volunteerId) {
    public FetchVolunteerAvailabilityQuery {
        Guard.required(volunteerId, "volunteerId", "Die Kennung der/des Ehrenamtlichen");
    }
}
