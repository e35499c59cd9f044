package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** Where a request for help stands; the board shows the first three. */
public enum HelpRequestStatus {
    /** Nobody has confirmed yet. */
    OPEN,
    /** Some, but fewer than asked for, have confirmed. */
    PARTLY_STAFFED,
    /** As many as asked for have confirmed. */
    STAFFED,
    /** Called off by the centre; its live assignments were cancelled with it. */
    CANCELLED,
    /** Done; retention of the requester's data counts from here. */
    CLOSED
}
