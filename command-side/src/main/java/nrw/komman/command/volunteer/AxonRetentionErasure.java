package nrw.komman.command.volunteer;

import nrw.komman.command.privacy.RetentionErasure;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import nrw.komman.kernel.volunteer.VolunteerId;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Erases a volunteer for a retention run through the volunteer's own aggregate, loaded (and locked) inside the
 * run's unit of work: its events are appended, its key destroyed and its e-mail fingerprint forgotten in the
 * run's transaction, and the aggregate decides from its own state whether the volunteer is still due.
 */
@Component
public class AxonRetentionErasure implements RetentionErasure {

    private final Repository<Volunteer> volunteers;
    private final Clock clock;
    private final PersonalDataVault vault;
    private final EmailRegistry emails;
    private final VolunteerRetention retention;
    private final LegacyPlainTexts legacyTexts;

    public AxonRetentionErasure(Repository<Volunteer> volunteers, Clock clock, PersonalDataVault vault,
                                EmailRegistry emails, VolunteerRetention retention, LegacyPlainTexts legacyTexts) {
        this.volunteers = volunteers;
        this.clock = clock;
        this.vault = vault;
        this.emails = emails;
        this.retention = retention;
        this.legacyTexts = legacyTexts;
    }

    @Override
    public boolean eraseIfDue(VolunteerId volunteerId, LocalDate cutoff, Actor actor) {
        LocalDate today = Nrw.today(clock);
        try {
            return volunteers.load(volunteerId.toString())
                    .invoke(volunteer -> volunteer.eraseIfDue(actor, cutoff, today, vault, emails, retention, legacyTexts));
        } catch (AggregateNotFoundException e) {
            return false; // a stale row of a volunteer that never existed: nothing to erase
        }
    }
}
