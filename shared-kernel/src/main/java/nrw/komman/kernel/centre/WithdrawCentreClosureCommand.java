package nrw.komman.kernel.centre;

import nrw.komman.kernel.common.Guard;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A ministry account (the proposing one or another) withdraws the pending proposal to close a centre, with a reason. */
public record WithdrawCentreClosureCommand(@TargetAggregateIdentifier CentreId centreId, String reason) {

    public WithdrawCentreClosureCommand {
        Guard.required(centreId, "centreId", "Der Schlüssel des Zentrums");
        reason = Guard.text(reason, "reason", "Die Begründung", 2000);
    }
}
