package nrw.komman.command.privacy;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.volunteer.VolunteerId;

import java.time.LocalDate;
import java.util.List;

/**
 * Port: the volunteers a retention run looks at, from the command side's own register of inactive volunteers
 * (kept in the transactions of the volunteer commands, never from a read model). Only a pre-selection: the
 * {@code Volunteer} aggregate decides again from its own state before anything is erased.
 */
public interface RetentionCandidates {

    /** Inactive, not erased volunteers whose inactivity began on or before {@code cutoff}, oldest first. */
    List<InactiveVolunteer> inactiveSinceOnOrBefore(LocalDate cutoff);

    record InactiveVolunteer(VolunteerId volunteerId, CentreId centreId, LocalDate inactiveSince) {
    }
}
