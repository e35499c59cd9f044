package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** The request's key was destroyed: what was sealed under it opens to nothing, in every replay too. Counts stay. */
public record RequesterDataErasedEvent(HelpRequestId requestId, CentreId centreId,
                                       nrw.komman.kernel.privacy.ErasureReason reason) {
}
