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
 * A coordinator issues a personal link for a volunteer; a link issued before stops working. The web draws the
 * secret token and passes only its SHA-256 hash ({@code tokenHash}, 64 hex digits): the token is shown once and
 * stored nowhere.
 */
public record IssueVolunteerLinkCommand(@TargetAggregateIdentifier VolunteerId volunteerId, VolunteerLinkId linkId,
                                        String tokenHash, LocalDate expiresOn) {

    public IssueVolunteerLinkCommand {
        Guard.required(volunteerId, "volunteerId", "Die Kennung der/des Ehrenamtlichen");
        Guard.required(linkId, "linkId", "Die Kennung des Links");
        Guard.required(expiresOn, "expiresOn", "Das Ablaufdatum");
        if (tokenHash == null || !tokenHash.matches("[0-9a-f]{64}")) {
            throw new InvalidInputException("link.token-hash.malformed", "Der Link ist fehlerhaft.");
        }
    }
}
