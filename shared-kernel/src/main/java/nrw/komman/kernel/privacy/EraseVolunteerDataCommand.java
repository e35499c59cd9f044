package nrw.komman.kernel.privacy;

import nrw.komman.kernel.common.Guard;
import nrw.komman.kernel.volunteer.VolunteerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Erases a volunteer's personal data by destroying their key (crypto-shredding). A coordinator of the
 * volunteer's centre or an administrator. Irreversible; counts and hours stay, under the pseudonymous id.
 */
public record EraseVolunteerDataCommand(@TargetAggregateIdentifier VolunteerId volunteerId, ErasureReason reason) {

    public EraseVolunteerDataCommand {
        Guard.required(volunteerId, "volunteerId", "Die Kennung");
        Guard.required(reason, "reason", "Der Anlass der Löschung");
    }
}
