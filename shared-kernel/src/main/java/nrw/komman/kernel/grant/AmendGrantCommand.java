package nrw.komman.kernel.grant;

import nrw.komman.kernel.common.Guard;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;


/**
 * The ministry amends an approved grant (Änderungsbescheid): a new approved amount, with a reason. A lower amount takes
 * effect at once; a higher one is a proposal that a second account approves ({@link ApproveGrantRaiseCommand}, ADR 26).
 */
public record AmendGrantCommand(@TargetAggregateIdentifier GrantId grantId, Money approvedAmount, String reason) {

    public AmendGrantCommand {
        Guard.required(grantId, "grantId", "Die Kennung der Zuwendung");
        Guard.required(approvedAmount, "approvedAmount", "Der neue bewilligte Betrag");
        if (approvedAmount.isZero()) {
            throw new InvalidInputException("approvedAmount.zero", "Der neue bewilligte Betrag muss größer als 0 sein.");
        }
        reason = Guard.text(reason, "reason", "Die Begründung der Änderung", 4000);
    }
}
