package nrw.komman.kernel.privacy;

import nrw.komman.kernel.volunteer.VolunteerId;

/** Everything held on one volunteer (DSGVO Art. 15). Coordinators of the volunteer's centre and administrators. */
public record FetchVolunteerDataExportQuery(VolunteerId volunteerId) {
}
