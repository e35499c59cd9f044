package nrw.komman.kernel.centre;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** The ministry closes an integration centre (rare). */
public record CloseCentreCommand(@TargetAggregateIdentifier CentreId centreId, LocalDate closedOn, String reason) {

    public CloseCentreCommand {
        Guard.required(centreId, "centreId", "Der Schlüssel des Zentrums");
        Guard.required(closedOn, "closedOn", "Das Datum der Schließung");
        reason = Guard.text(reason, "reason", "Die Begründung", 2000);
    }
}
