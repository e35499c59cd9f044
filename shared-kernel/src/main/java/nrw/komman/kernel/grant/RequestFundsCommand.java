package nrw.komman.kernel.grant;

import nrw.komman.kernel.common.Guard;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;


/** A coordinator draws funds of an approved grant (Mittelabruf): the amount needed soon, with what it is for. */
public record RequestFundsCommand(@TargetAggregateIdentifier GrantId grantId, Money amount, String purpose) {

    public RequestFundsCommand {
        Guard.required(grantId, "grantId", "Die Kennung der Zuwendung");
        Guard.required(amount, "amount", "Der abgerufene Betrag");
        if (amount.isZero()) {
            throw new InvalidInputException("amount.zero", "Der abgerufene Betrag muss größer als 0 sein.");
        }
        purpose = Guard.text(purpose, "purpose", "Der Verwendungszweck des Abrufs", 2000);
    }
}
