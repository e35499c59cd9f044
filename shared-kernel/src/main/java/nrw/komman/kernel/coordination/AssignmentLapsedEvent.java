package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** An assignment still asked or offered when the request was staffed by others or closed; the held time is released. */
public record AssignmentLapsedEvent(HelpRequestId requestId, AssignmentId assignmentId, VolunteerId volunteerId,
                                    CentreId centreId) {
}
