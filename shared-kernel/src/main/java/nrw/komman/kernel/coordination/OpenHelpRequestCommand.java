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
 * A coordinator records a request for help: what, which languages, when, where, how many, how long, who asked.
 * The requester's name and contact, the place and the note are personal data, sealed under the request's own key
 * ({@link HelpRequestId#subject()}).
 *
 * @param minutes          how long each occurrence takes a volunteer (what counts as an activity)
 * @param volunteersNeeded how many volunteers the request needs, 1 to {@link CoordinationRules#MAX_VOLUNTEERS}
 * @param grantId          optional: the grant that funds the measure; activities from it reference it
 */
public record OpenHelpRequestCommand(@TargetAggregateIdentifier HelpRequestId requestId, CentreId centreId,
                                     ActivityCategory category, Set<String> languages, Schedule schedule, int minutes,
                                     String municipality, String place, int volunteersNeeded, String requesterName,
                                     String requesterContact, String note, GrantId grantId) {

    public OpenHelpRequestCommand {
        Guard.required(requestId, "requestId", "Die Kennung der Einsatzanfrage");
        Guard.required(centreId, "centreId", "Das Integrationszentrum");
        Guard.required(category, "category", "Die Kategorie");
        Guard.required(schedule, "schedule", "Der Zeitpunkt");
        languages = Languages.normalise(languages == null ? Set.of() : languages);
        CoordinationRules.checkMinutes(minutes, schedule);
        CoordinationRules.checkVolunteersNeeded(volunteersNeeded);
        municipality = Guard.text(municipality, "municipality", "Der Ort (Gemeinde)", 100);
        place = Guard.optionalText(place, "place", "Die Ortsbeschreibung", 200);
        requesterName = Guard.text(requesterName, "requesterName", "Wer angefragt hat", 200);
        requesterContact = Guard.optionalText(requesterContact, "requesterContact", "Die Kontaktangabe", 200);
        note = Guard.optionalText(note, "note", "Die Notiz", 500);
    }
}
