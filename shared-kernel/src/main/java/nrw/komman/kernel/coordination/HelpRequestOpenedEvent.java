package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** A request for help was recorded; the requester's data, the place and the note sealed under the request's key. */
public record HelpRequestOpenedEvent(HelpRequestId requestId, CentreId centreId, ActivityCategory category,
                                     Set<String> languages, Schedule schedule, int minutes, String municipality,
                                     SealedText place, int volunteersNeeded, SealedText requesterName,
                                     SealedText requesterContact, SealedText note, GrantId grantId) {

    public HelpRequestOpenedEvent {
        // sorted, so the event is written the same way every time
        languages = languages == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(languages));
    }
}
