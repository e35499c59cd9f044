package nrw.komman.kernel.activity;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** A coordinator corrects a logged activity; the correction is a new fact. */
public record CorrectActivityCommand(@TargetAggregateIdentifier VolunteerId volunteerId, ActivityId activityId, LocalDate date, int minutes, ActivityCategory category, String note, GrantId grantId, String reason) {

    public CorrectActivityCommand {
        Guard.required(volunteerId, "volunteerId", "Die Kennung der/des Ehrenamtlichen");
        Guard.required(activityId, "activityId", "Die Kennung des Einsatzes");
        Guard.required(date, "date", "Das Datum");
        ActivityRules.checkDuration(minutes);
        Guard.required(category, "category", "Die Kategorie");
        note = Guard.optionalText(note, "note", "Die Notiz", 500);
        reason = Guard.text(reason, "reason", "Der Grund der Korrektur", 500);
    }
}
