package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** A request was called off; the events of its cancelled assignments follow. */
public record HelpRequestCancelledEvent(HelpRequestId requestId, CentreId centreId, SealedText reason) {
}
