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
 * An activity was withdrawn; it no longer counts. Revision 1 (ADR 21): the reason is sealed under the volunteer's key;
 * {@code legacyReason} carries the plain reason of a revision-0 row (null in new events and after erasure), as in
 * {@link ActivityCorrectedEvent}.
 */
@Revision("1")
public record ActivityWithdrawnEvent(ActivityId activityId, VolunteerId volunteerId, CentreId centreId, SealedText reason, String legacyReason) {
}
