package nrw.komman.command.privacy;

import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.coordination.HelpRequestId;

import java.time.LocalDate;

/**
 * Port: erases the requester's data of one request for help for a retention run, inside the run's unit of work and
 * database transaction (the {@code HelpRequest} aggregate is loaded and locked like in its own commands).
 */
public interface RequesterErasure {

    /**
     * Erases (reason RETENTION) if the aggregate itself still finds it due: closed or cancelled on {@code cutoff}
     * or earlier, not erased. Returns whether it erased.
     */
    boolean eraseIfDue(HelpRequestId requestId, LocalDate cutoff, Actor actor);
}
