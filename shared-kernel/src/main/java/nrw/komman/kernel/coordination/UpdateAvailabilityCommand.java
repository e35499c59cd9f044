package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** The volunteer (through their link) or a coordinator records when the volunteer is usually free and away. */
public record UpdateAvailabilityCommand(@TargetAggregateIdentifier VolunteerId volunteerId, Availability availability) {

    public UpdateAvailabilityCommand {
        Guard.required(volunteerId, "volunteerId", "Die Kennung der/des Ehrenamtlichen");
        Guard.required(availability, "availability", "Die Verfügbarkeit");
    }
}
