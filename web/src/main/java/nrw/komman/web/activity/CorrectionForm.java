package nrw.komman.web.activity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.activity.ActivityView;
import nrw.komman.kernel.activity.CorrectActivityCommand;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.web.platform.Ids;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;

/** Correcting a logged activity: the corrected facts and why; the correction is recorded as a new fact. */
public class CorrectionForm {

    @NotNull(message = "{ui.activity.date.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate date;

    @NotNull(message = "{ui.activity.minutes.required}")
    private Integer minutes;

    @NotNull(message = "{ui.activity.category.required}")
    private ActivityCategory category;

    @Size(max = 500, message = "{ui.too-long}")
    private String note;

    /** The grant that funds it: blank for none; not sent at all keeps the activity's grant as it was. */
    @Size(max = 36, message = "{ui.too-long}")
    private String grantId;

    @NotBlank(message = "{ui.activity.correction-reason.required}")
    @Size(max = 500, message = "{ui.too-long}")
    private String reason;

    static CorrectionForm of(ActivityView activity) {
        CorrectionForm form = new CorrectionForm();
        form.date = activity.date();
        form.minutes = activity.minutes();
        form.category = activity.category();
        form.note = activity.note();
        form.grantId = activity.grantId() == null ? "" : activity.grantId().toString();
        return form;
    }

    /** A malformed grant id is refused at the field ({@code grant.id.malformed}), never dropped. */
    public CorrectActivityCommand toCommand(VolunteerId volunteer, ActivityView activity) {
        GrantId grant = grantId == null ? activity.grantId() : Ids.optionalGrant("grantId", grantId);
        return new CorrectActivityCommand(volunteer, activity.activityId(), date, minutes, category, note, grant, reason);
    }

    public LocalDate getDate() { return date; }
    public void setDate(LocalDate date) { this.date = date; }
    public Integer getMinutes() { return minutes; }
    public void setMinutes(Integer minutes) { this.minutes = minutes; }
    public ActivityCategory getCategory() { return category; }
    public void setCategory(ActivityCategory category) { this.category = category; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public String getGrantId() { return grantId; }
    public void setGrantId(String grantId) { this.grantId = grantId; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
