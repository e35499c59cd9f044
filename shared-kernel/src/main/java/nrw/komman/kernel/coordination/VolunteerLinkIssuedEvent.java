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
 * A personal link was issued; only its token's hash is kept. It replaces the volunteer's earlier link of its channel.
 * Revision 1 (issue 19): {@code channel} added; revision 0 loads as {@link LinkChannel#HANDED_OVER}.
 */
@org.axonframework.serialization.Revision("1")
public record VolunteerLinkIssuedEvent(VolunteerId volunteerId, CentreId centreId, VolunteerLinkId linkId,
                                       String tokenHash, LocalDate expiresOn, LinkChannel channel) {

    public VolunteerLinkIssuedEvent {
        // events written before issue 19 have no channel: those links were handed over
        channel = channel == null ? LinkChannel.HANDED_OVER : channel;
    }

    public VolunteerLinkIssuedEvent(VolunteerId volunteerId, CentreId centreId, VolunteerLinkId linkId,
                                    String tokenHash, LocalDate expiresOn) {
        this(volunteerId, centreId, linkId, tokenHash, expiresOn, LinkChannel.HANDED_OVER);
    }
}
