package nrw.komman.kernel.centre;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** The ministry establishes an integration centre. */
public record EstablishCentreCommand(@TargetAggregateIdentifier CentreId centreId, String name, String type, LocalDate establishedOn) {

    public EstablishCentreCommand {
        Guard.required(centreId, "centreId", "Der Schlüssel des Zentrums");
        name = Guard.text(name, "name", "Der Name", 200);
        type = Guard.text(type, "type", "Die Art der Gebietskörperschaft", 60);
        Guard.required(establishedOn, "establishedOn", "Das Gründungsdatum");
    }
}
