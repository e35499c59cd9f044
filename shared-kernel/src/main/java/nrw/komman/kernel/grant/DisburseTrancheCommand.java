package nrw.komman.kernel.grant;

import nrw.komman.kernel.common.Guard;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The grant authority records a disbursed tranche (Auszahlung): amount and value date. */
public record DisburseTrancheCommand(@TargetAggregateIdentifier GrantId grantId, Money amount, LocalDate disbursedOn) {

    public DisburseTrancheCommand {
        Guard.required(grantId, "grantId", "Die Kennung der Zuwendung");
        Guard.required(amount, "amount", "Der ausgezahlte Betrag");
        if (amount.isZero()) {
            throw new InvalidInputException("amount.zero", "Der ausgezahlte Betrag muss größer als 0 sein.");
        }
        Guard.required(disbursedOn, "disbursedOn", "Das Auszahlungsdatum");
    }
}
