package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/**
 * The coordinator offers the open places of a request to several volunteers at once: first come, first served
 * until the request is staffed. Nothing is held until one accepts.
 *
 * @param offers the assignment id chosen for each volunteer offered to (at most {@link CoordinationRules#MAX_OFFERS})
 */
public record OfferToVolunteersCommand(@TargetAggregateIdentifier HelpRequestId requestId,
                                       Map<VolunteerId, AssignmentId> offers) {

    public OfferToVolunteersCommand {
        Guard.required(requestId, "requestId", "Die Kennung der Einsatzanfrage");
        if (offers == null || offers.isEmpty()) {
            throw new InvalidInputException("offers.missing", "Wählen Sie mindestens eine Person aus.");
        }
        if (offers.size() > CoordinationRules.MAX_OFFERS) {
            throw new InvalidInputException("offers.too-many",
                    "Höchstens " + CoordinationRules.MAX_OFFERS + " Personen können auf einmal angefragt werden.");
        }
        offers = Map.copyOf(offers);
    }
}
