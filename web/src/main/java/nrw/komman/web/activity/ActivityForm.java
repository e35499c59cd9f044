package nrw.komman.web.activity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.activity.LogActivityCommand;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.web.platform.Ids;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;

/**
 * The log-an-activity form. Presence is checked here so every missing field is named at once; the
 * limits (more than 0, at most 24 hours, not in the future, not before the registration) are the
 * kernel's and the command side's, shown next to the field they are about.
 */
public class ActivityForm {

    @NotNull(message = "{ui.activity.date.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate date;

    @NotNull(message = "{ui.activity.minutes.required}")
    private Integer minutes;

    @NotNull(message = "{ui.activity.category.required}")
    private ActivityCategory category;

    @Size(max = 500, message = "{ui.too-long}")
    private String note;

    /** Optional: the approved grant that funds it; blank for none, anything else must be a grant's id. */
    @Size(max = 36, message = "{ui.too-long}")
    private String grantId;

    /** A malformed grant id is refused at the field ({@code grant.id.malformed}), never dropped. */
    public LogActivityCommand toCommand(VolunteerId volunteer, ActivityId activity) {
        return new LogActivityCommand(volunteer, activity, date, minutes, category, note, Ids.optionalGrant("grantId", grantId));
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
}
