package nrw.komman.kernel.centre;

import nrw.komman.kernel.common.Guard;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * A ministry account proposes to close an integration centre on a date, with a reason. Nothing closes yet: a second,
 * different ministry account confirms the proposal ({@link ConfirmCentreClosureCommand}; docs/domain.md rules 1 and 8, ADR 26).
 */
public record ProposeCentreClosureCommand(@TargetAggregateIdentifier CentreId centreId, LocalDate closedOn, String reason) {

    public ProposeCentreClosureCommand {
        Guard.required(centreId, "centreId", "Der Schlüssel des Zentrums");
        Guard.required(closedOn, "closedOn", "Das Datum der Schließung");
        reason = Guard.text(reason, "reason", "Die Begründung", 2000);
    }
}
