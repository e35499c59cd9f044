package nrw.komman.web.activity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.activity.ActivityView;
import nrw.komman.kernel.activity.CorrectActivityCommand;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.web.platform.Ids;

/**
 * Correcting a logged activity: the corrected facts and why; the correction is recorded as a new fact. The grant
 * field: blank for none; not sent at all keeps the activity's grant as it was.
 */
public class CorrectionForm extends ActivityFields {

    @NotBlank(message = "{ui.activity.correction-reason.required}")
    @Size(max = 500, message = "{ui.too-long}")
    private String reason;

    static CorrectionForm of(ActivityView activity) {
        CorrectionForm form = new CorrectionForm();
        form.setDate(activity.date());
        form.setDuration(activity.minutes());
        form.setCategory(activity.category());
        form.setNote(activity.note());
        form.setGrantId(activity.grantId() == null ? "" : activity.grantId().toString());
        return form;
    }

    /** A malformed grant id is refused at the field ({@code grant.id.malformed}), never dropped. */
    public CorrectActivityCommand toCommand(VolunteerId volunteer, ActivityView activity) {
        GrantId grant = getGrantId() == null ? activity.grantId() : Ids.optionalGrant("grantId", getGrantId());
        return new CorrectActivityCommand(volunteer, activity.activityId(), getDate(), totalMinutes(), getCategory(),
                getNote(), grant, reason);
    }

    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
