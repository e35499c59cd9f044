package nrw.komman.kernel.activity;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** A coordinator withdraws an activity logged by mistake. */
public record WithdrawActivityCommand(@TargetAggregateIdentifier VolunteerId volunteerId, ActivityId activityId, String reason) {

    public WithdrawActivityCommand {
        Guard.required(volunteerId, "volunteerId", "Die Kennung der/des Ehrenamtlichen");
        Guard.required(activityId, "activityId", "Die Kennung des Einsatzes");
        reason = Guard.text(reason, "reason", "Der Grund der Rücknahme", 500);
    }
}
