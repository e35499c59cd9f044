package nrw.komman.kernel.privacy;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.volunteer.VolunteerId;

import java.time.LocalDate;
import java.util.List;

/**
 * The erasure of a volunteer rewrote, in place, the stored events of that volunteer that older releases wrote with
 * free text in plain form (correction and withdrawal reasons, the consent document): the one exception to the
 * immutability of the event store (ADR 21). Recorded in the erasure's transaction, before
 * {@link VolunteerDataErasedEvent}, only when there was something to redact.
 *
 * @param eventIdentifiers the identifiers of the rewritten events, in the order of the stream
 */
public record LegacyTextsRedactedEvent(VolunteerId volunteerId, CentreId centreId, List<String> eventIdentifiers,
                                       LocalDate redactedOn) {

    public LegacyTextsRedactedEvent {
        eventIdentifiers = eventIdentifiers == null ? List.of() : List.copyOf(eventIdentifiers);
    }
}
