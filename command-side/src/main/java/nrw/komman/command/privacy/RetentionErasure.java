package nrw.komman.command.privacy;

import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.volunteer.VolunteerId;

import java.time.LocalDate;

/**
 * Port: erases one volunteer for a retention run, inside the run's unit of work and database transaction
 * (the {@code Volunteer} aggregate is loaded and locked like in its own commands).
 */
public interface RetentionErasure {

    /**
     * Erases the volunteer (reason RETENTION) if the aggregate itself still finds them due: not erased, inactive,
     * and inactive since {@code cutoff} or earlier. Returns whether it erased; a volunteer who was reactivated or
     * erased meanwhile, or who does not exist, is skipped.
     *
     * @param actor who the erasure is recorded as (the platform, with the account of the administrator who ran it)
     */
    boolean eraseIfDue(VolunteerId volunteerId, LocalDate cutoff, Actor actor);
}
