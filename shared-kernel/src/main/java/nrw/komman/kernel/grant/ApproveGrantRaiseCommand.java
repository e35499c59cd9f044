package nrw.komman.kernel.grant;

import nrw.komman.kernel.common.Guard;
import nrw.komman.kernel.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A second ministry account approves a pending raise of the approved amount: who neither applied for the grant, nor
 * reviewed it, nor proposed the raise. {@code proposedAmount} repeats the amount the approving person saw, so that a
 * raise withdrawn and proposed again with another amount in the meantime is not approved unseen.
 */
public record ApproveGrantRaiseCommand(@TargetAggregateIdentifier GrantId grantId, Money proposedAmount) {

    public ApproveGrantRaiseCommand {
        Guard.required(grantId, "grantId", "Die Kennung der Zuwendung");
        Guard.required(proposedAmount, "proposedAmount", "Der vorgeschlagene Betrag");
    }
}
