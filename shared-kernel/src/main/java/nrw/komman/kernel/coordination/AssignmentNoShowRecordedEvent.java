package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** A volunteer did not come on a day of a confirmed assignment. */
public record AssignmentNoShowRecordedEvent(HelpRequestId requestId, AssignmentId assignmentId, VolunteerId volunteerId,
                                            CentreId centreId, LocalDate day) {
}
