package nrw.komman.kernel.volunteer;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** A coordinator updates a volunteer's profile. */
public record UpdateVolunteerProfileCommand(@TargetAggregateIdentifier VolunteerId volunteerId, PersonalData personalData) {

    public UpdateVolunteerProfileCommand {
        Guard.required(volunteerId, "volunteerId", "Die Kennung");
        Guard.required(personalData, "personalData", "Die Angaben zur Person");
    }
}
