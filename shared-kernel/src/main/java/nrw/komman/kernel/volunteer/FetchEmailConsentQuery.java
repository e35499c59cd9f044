package nrw.komman.kernel.volunteer;

import nrw.komman.kernel.common.Guard;

/** The volunteer's consent to be contacted by e-mail, for their centre's coordinators (the volunteer's page). */
public record FetchEmailConsentQuery(VolunteerId volunteerId) {

    public FetchEmailConsentQuery {
        Guard.required(volunteerId, "volunteerId", "Die Kennung der/des Ehrenamtlichen");
    }
}
