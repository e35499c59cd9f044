package nrw.komman.kernel.grant;

import nrw.komman.kernel.common.Guard;
import org.axonframework.modelling.command.TargetAggregateIdentifier;


/** The grant authority checks the usage report and closes the grant; the check note is the reason of any repayment demand. */
public record CloseGrantCommand(@TargetAggregateIdentifier GrantId grantId, String checkNote) {

    public CloseGrantCommand {
        Guard.required(grantId, "grantId", "Die Kennung der Zuwendung");
        checkNote = Guard.text(checkNote, "checkNote", "Der Prüfvermerk", 4000);
    }
}
