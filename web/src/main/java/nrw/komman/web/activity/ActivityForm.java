package nrw.komman.web.activity;

import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.activity.LogActivityCommand;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.web.platform.Ids;

/**
 * The log-an-activity form. Nothing is filled in for the coordinator: an empty date is an error, never today.
 * The limits (more than 0, at most 24 hours, not in the future, not before the registration) are the kernel's and
 * the command side's, shown next to the field they are about.
 */
public class ActivityForm extends ActivityFields {

    /** A malformed grant id is refused at the field ({@code grant.id.malformed}), never dropped. */
    public LogActivityCommand toCommand(VolunteerId volunteer, ActivityId activity) {
        return new LogActivityCommand(volunteer, activity, getDate(), totalMinutes(), getCategory(), getNote(),
                Ids.optionalGrant("grantId", getGrantId()));
    }
}
