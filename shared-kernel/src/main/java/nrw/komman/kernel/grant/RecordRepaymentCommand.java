package nrw.komman.kernel.grant;

import nrw.komman.kernel.common.Guard;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The grant authority records a repayment received on a closed grant's repayment demand. */
public record RecordRepaymentCommand(@TargetAggregateIdentifier GrantId grantId, Money amount, LocalDate receivedOn) {

    public RecordRepaymentCommand {
        Guard.required(grantId, "grantId", "Die Kennung der Zuwendung");
        Guard.required(amount, "amount", "Der zurückgezahlte Betrag");
        if (amount.isZero()) {
            throw new InvalidInputException("amount.zero", "Der zurückgezahlte Betrag muss größer als 0 sein.");
        }
        Guard.required(receivedOn, "receivedOn", "Das Eingangsdatum");
    }
}
