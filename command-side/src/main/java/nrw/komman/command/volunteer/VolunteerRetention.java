package nrw.komman.command.volunteer;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.volunteer.VolunteerId;

import java.time.LocalDate;

/**
 * Port: the command side's register of inactive volunteers, which the retention rules start from (ADR 9). The
 * volunteer aggregate keeps it in the transaction of its commands, like the e-mail claims: a deactivation enters
 * the volunteer with the day, a reactivation or an erasure removes them.
 */
public interface VolunteerRetention {

    void deactivated(VolunteerId volunteerId, CentreId centreId, LocalDate on);

    void reactivated(VolunteerId volunteerId);

    void erased(VolunteerId volunteerId);
}
