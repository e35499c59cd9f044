package nrw.komman.kernel.activity;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

import java.time.*;
import java.util.*;

/**
 * An activity was corrected: the whole corrected activity, and why. Revision 1 (ADR 21): the reason is sealed under
 * the volunteer's key like the note. {@code legacyReason} is the plain reason of a revision-0 row (read through the
 * upcaster); it is null in every event written since, and in an old row once the volunteer is erased (redacted in place).
 * A correction recorded after the erasure has neither: the key is gone, and plain text is ruled out.
 */
@Revision("1")
public record ActivityCorrectedEvent(ActivityId activityId, VolunteerId volunteerId, CentreId centreId, LocalDate date, int minutes, ActivityCategory category, SealedText note, GrantId grantId, SealedText reason, String legacyReason) {
}
