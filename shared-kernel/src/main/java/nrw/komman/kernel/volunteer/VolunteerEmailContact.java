package nrw.komman.kernel.volunteer;

import nrw.komman.kernel.centre.CentreId;

/**
 * The answer to {@link FetchVolunteerEmailContactQuery}: the address when the volunteer may be e-mailed (active, not
 * erased, an address, current consent), otherwise none and why not.
 *
 * @param centreId the volunteer's centre; null when the volunteer is not known
 * @param address  the opened address; null unless the volunteer may be e-mailed
 * @param notBecause null when the volunteer may be e-mailed
 */
public record VolunteerEmailContact(VolunteerId volunteerId, CentreId centreId, String address, NotEmailed notBecause) {

    /** Why a volunteer is not e-mailed (for the log and the administrators' list, no personal data). */
    public enum NotEmailed {
        UNKNOWN, ERASED, INACTIVE, NO_CONSENT, NO_ADDRESS
    }

    public static VolunteerEmailContact not(VolunteerId volunteerId, CentreId centreId, NotEmailed because) {
        return new VolunteerEmailContact(volunteerId, centreId, null, because);
    }

    public boolean mayEmail() {
        return address != null && notBecause == null;
    }
}
