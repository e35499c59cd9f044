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
 * stored nowhere. A link of the {@link LinkChannel#EMAIL} channel replaces only the last e-mailed one.
 */
public record IssueVolunteerLinkCommand(@TargetAggregateIdentifier VolunteerId volunteerId, VolunteerLinkId linkId,
                                        String tokenHash, LocalDate expiresOn, LinkChannel channel) {

    /** A link handed over by the coordinator. */
    public IssueVolunteerLinkCommand(VolunteerId volunteerId, VolunteerLinkId linkId, String tokenHash,
                                     LocalDate expiresOn) {
        this(volunteerId, linkId, tokenHash, expiresOn, LinkChannel.HANDED_OVER);
    }

    public IssueVolunteerLinkCommand {
        channel = channel == null ? LinkChannel.HANDED_OVER : channel;
        Guard.required(volunteerId, "volunteerId", "Die Kennung der/des Ehrenamtlichen");
        Guard.required(linkId, "linkId", "Die Kennung des Links");
        Guard.required(expiresOn, "expiresOn", "Das Ablaufdatum");
        if (tokenHash == null || !tokenHash.matches("[0-9a-f]{64}")) {
            throw new InvalidInputException("link.token-hash.malformed", "Der Link ist fehlerhaft.");
        }
    }
}
