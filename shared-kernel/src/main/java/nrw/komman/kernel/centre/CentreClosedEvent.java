package nrw.komman.kernel.centre;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** An integration centre was closed: since ADR 26 the confirmation of a proposal by a second ministry account. */
public record CentreClosedEvent(CentreId centreId, LocalDate closedOn, String reason) {
}
