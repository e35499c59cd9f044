package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** An assignment was cancelled (also by a replacement or with its request); the reason sealed under the volunteer's key. */
public record AssignmentCancelledEvent(HelpRequestId requestId, AssignmentId assignmentId, VolunteerId volunteerId,
                                       CentreId centreId, boolean afterConfirmation, SealedText reason) {
}
