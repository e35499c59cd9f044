package nrw.komman.web.activity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.activity.ActivityRules;
import nrw.komman.web.platform.problem.InvalidFieldException;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;

/**
 * The fields of an activity as the logging and the correcting form show them. The duration is entered as hours and
 * minutes (either may be left empty for 0, not both; ADR 30); the command carries whole minutes as the API does.
 * Presence and format are checked here; the kernel's limits ({@link ActivityRules}) run beside them through
 * {@code FormPage.Submission.alsoCheck}, so one answer names every problem.
 */
public abstract class ActivityFields {

    @NotNull(message = "{ui.activity.date.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate date;

    @PositiveOrZero(message = "{ui.activity.duration.negative}")
    private Integer hours;

    @PositiveOrZero(message = "{ui.activity.duration.negative}")
    private Integer minutes;

    @NotNull(message = "{ui.activity.category.required}")
    private ActivityCategory category;

    @Size(max = 500, message = "{ui.too-long}")
    private String note;

    @Size(max = 36, message = "{ui.too-long}")
    private String grantId;

    /**
     * The duration in minutes: hours × 60 + minutes, an empty field counting 0. Only called once both fields parsed.
     *
     * @throws InvalidFieldException when both are empty, or the total is not more than 0 and at most 24 hours
     */
    public int totalMinutes() {
        if (hours == null && minutes == null) {
            throw new InvalidFieldException("hours", "activity.duration.required", "Bitte geben Sie die Dauer an.");
        }
        long total = (hours == null ? 0L : hours) * 60L + (minutes == null ? 0L : minutes);
        // a number of hours beyond int is just too long, not an overflow
        int clamped = (int) Math.max(Integer.MIN_VALUE, Math.min(total, ActivityRules.MAX_MINUTES + 1L));
        ActivityRules.checkDuration(clamped);
        return clamped;
    }

    /** Fills the duration fields from whole minutes: 90 → 1 hour, 30 minutes. */
    void setDuration(int totalMinutes) {
        this.hours = totalMinutes / 60;
        this.minutes = totalMinutes % 60;
    }

    public LocalDate getDate() { return date; }
    public void setDate(LocalDate date) { this.date = date; }
    public Integer getHours() { return hours; }
    public void setHours(Integer hours) { this.hours = hours; }
    public Integer getMinutes() { return minutes; }
    public void setMinutes(Integer minutes) { this.minutes = minutes; }
    public ActivityCategory getCategory() { return category; }
    public void setCategory(ActivityCategory category) { this.category = category; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public String getGrantId() { return grantId; }
    public void setGrantId(String grantId) { this.grantId = grantId; }
}
