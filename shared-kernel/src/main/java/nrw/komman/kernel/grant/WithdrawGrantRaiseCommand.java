package nrw.komman.kernel.grant;

import nrw.komman.kernel.common.Guard;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A ministry account (the proposing one or another) withdraws a pending raise of the approved amount, with a reason. */
public record WithdrawGrantRaiseCommand(@TargetAggregateIdentifier GrantId grantId, String reason) {

    public WithdrawGrantRaiseCommand {
        Guard.required(grantId, "grantId", "Die Kennung der Zuwendung");
        reason = Guard.text(reason, "reason", "Die Begründung", 4000);
    }
}
