package nrw.komman.command.coordination;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.volunteer.VolunteerId;

import java.util.Optional;

/**
 * Port: what a request for help needs to know about a volunteer it asks: their centre and whether they are active.
 * The request decides; the port only reports the facts as committed.
 */
public interface VolunteerStanding {

    /** The volunteer's standing, or empty when no volunteer has this id. */
    Optional<Standing> find(VolunteerId volunteerId);

    record Standing(VolunteerId volunteerId, CentreId centreId, boolean active, boolean erased) {
    }
}
