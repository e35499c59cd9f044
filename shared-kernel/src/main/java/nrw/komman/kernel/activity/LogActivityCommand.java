package nrw.komman.kernel.activity;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** A coordinator logs what a volunteer did. */
public record LogActivityCommand(@TargetAggregateIdentifier VolunteerId volunteerId, ActivityId activityId, LocalDate date, int minutes, ActivityCategory category, String note, GrantId grantId) {

    public LogActivityCommand {
        Guard.required(volunteerId, "volunteerId", "Die Kennung der/des Ehrenamtlichen");
        Guard.required(activityId, "activityId", "Die Kennung des Einsatzes");
        Guard.required(date, "date", "Das Datum");
        ActivityRules.checkDuration(minutes);
        Guard.required(category, "category", "Die Kategorie");
        note = Guard.optionalText(note, "note", "Die Notiz", 500);
    }
}
