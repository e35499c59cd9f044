package nrw.komman.kernel.volunteer;

import nrw.komman.kernel.common.Guard;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The volunteer no longer wants e-mail: recorded by a coordinator of the centre or by the volunteer through their
 * link. Unlike the withdrawal of the consent to data processing nothing is erased: only e-mail stops.
 */
public record WithdrawEmailConsentCommand(@TargetAggregateIdentifier VolunteerId volunteerId, Instant withdrawnAt) {

    public WithdrawEmailConsentCommand {
        Guard.required(volunteerId, "volunteerId", "Die Kennung");
        Guard.required(withdrawnAt, "withdrawnAt", "Der Zeitpunkt des Widerrufs");
    }
}
