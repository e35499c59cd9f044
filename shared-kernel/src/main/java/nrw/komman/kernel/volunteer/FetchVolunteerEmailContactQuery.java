package nrw.komman.kernel.volunteer;

import nrw.komman.kernel.common.Guard;

/**
 * May the platform e-mail this volunteer now, and at which address? Asked by the notice delivery as
 * {@code Actor.SYSTEM} (who may issue the e-mailed link) right before it writes an e-mail and again before it sends
 * one; the address is opened from the sealed personal data and never stored in plain.
 */
public record FetchVolunteerEmailContactQuery(VolunteerId volunteerId) {

    public FetchVolunteerEmailContactQuery {
        Guard.required(volunteerId, "volunteerId", "Die Kennung der/des Ehrenamtlichen");
    }
}
