package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** Where one volunteer's assignment stands. Only {@link #ASKED}, {@link #OFFERED} and {@link #CONFIRMED} are live. */
public enum AssignmentStatus {
    /** Asked in person: the volunteer's time is held until they answer. */
    ASKED,
    /** Offered to several at once, first come first served: nothing is held until the volunteer accepts. */
    OFFERED,
    CONFIRMED,
    DECLINED,
    /** Cancelled or replaced by the coordinator, or with its request; after a confirmation with a reason. */
    CANCELLED,
    /** Still open when the request was staffed by others. */
    LAPSED;

    public boolean live() {
        return this == ASKED || this == OFFERED || this == CONFIRMED;
    }
}
