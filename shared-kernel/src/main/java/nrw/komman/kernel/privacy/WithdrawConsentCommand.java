package nrw.komman.kernel.privacy;

import nrw.komman.kernel.common.Guard;
import nrw.komman.kernel.volunteer.VolunteerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The volunteer withdrew consent to data processing; a coordinator records it, and the erasure follows at once. */
public record WithdrawConsentCommand(@TargetAggregateIdentifier VolunteerId volunteerId, Instant withdrawnAt) {

    public WithdrawConsentCommand {
        Guard.required(volunteerId, "volunteerId", "Die Kennung");
        Guard.required(withdrawnAt, "withdrawnAt", "Der Zeitpunkt des Widerrufs");
    }
}
