package nrw.komman.command.volunteer;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.volunteer.VolunteerId;

import java.util.Optional;

/**
 * Port: the centre a volunteer was registered in, from the volunteer's own history. The e-mail registry asks
 * it only for addresses remembered before it kept the centre itself (migration V39), and remembers the answer.
 */
public interface VolunteerCentres {

    Optional<CentreId> registeredIn(VolunteerId volunteerId);
}
