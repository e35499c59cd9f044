package nrw.komman.kernel.centre;

import nrw.komman.kernel.common.Guard;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * A second ministry account, not the one who proposed it, confirms the pending proposal to close a centre: only this
 * closes it. {@code closedOn} repeats the proposal's date the confirming person saw, so that a proposal withdrawn and
 * made again with another date in the meantime is not confirmed unseen.
 */
public record ConfirmCentreClosureCommand(@TargetAggregateIdentifier CentreId centreId, LocalDate closedOn) {

    public ConfirmCentreClosureCommand {
        Guard.required(centreId, "centreId", "Der Schlüssel des Zentrums");
        Guard.required(closedOn, "closedOn", "Das Datum der Schließung");
    }
}
