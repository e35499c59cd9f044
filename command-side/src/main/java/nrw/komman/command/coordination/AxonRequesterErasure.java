package nrw.komman.command.coordination;

import nrw.komman.command.privacy.RequesterErasure;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.coordination.HelpRequestId;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Erases a requester's data for a retention run through the request's own aggregate, loaded (and locked) inside the
 * run's unit of work, which decides from its own state whether the request is still due.
 */
@Component
public class AxonRequesterErasure implements RequesterErasure {

    private final Repository<HelpRequest> requests;
    private final Clock clock;
    private final PersonalDataVault vault;
    private final RequesterRetention retention;

    public AxonRequesterErasure(Repository<HelpRequest> requests, Clock clock, PersonalDataVault vault,
                                RequesterRetention retention) {
        this.requests = requests;
        this.clock = clock;
        this.vault = vault;
        this.retention = retention;
    }

    @Override
    public boolean eraseIfDue(HelpRequestId requestId, LocalDate cutoff, Actor actor) {
        LocalDate today = Nrw.today(clock);
        try {
            return requests.load(requestId.toString()).invoke(request -> request.eraseIfDue(actor, cutoff, today, vault, retention));
        } catch (AggregateNotFoundException e) {
            return false; // a stale row of a request that never existed: nothing to erase
        }
    }
}
