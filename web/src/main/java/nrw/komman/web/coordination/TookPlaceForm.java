package nrw.komman.web.coordination;

import jakarta.validation.constraints.PositiveOrZero;
import nrw.komman.kernel.activity.ActivityRules;
import nrw.komman.web.platform.problem.InvalidFieldException;

/** How long the volunteer helped on a day: the request's minutes proposed, as hours and minutes (ADR 30). */
public class TookPlaceForm {

    @PositiveOrZero(message = "{ui.activity.duration.negative}")
    private Integer hours;
    @PositiveOrZero(message = "{ui.activity.duration.negative}")
    private Integer minutes;

    static TookPlaceForm of(int totalMinutes) {
        TookPlaceForm form = new TookPlaceForm();
        form.hours = totalMinutes / 60;
        form.minutes = totalMinutes % 60;
        return form;
    }

    int totalMinutes() {
        if (hours == null && minutes == null) {
            throw new InvalidFieldException("hours", "activity.duration.required", "Bitte geben Sie die Dauer an.");
        }
        long total = (hours == null ? 0L : hours) * 60L + (minutes == null ? 0L : minutes);
        int clamped = (int) Math.max(Integer.MIN_VALUE, Math.min(total, ActivityRules.MAX_MINUTES + 1L));
        ActivityRules.checkDuration(clamped);
        return clamped;
    }

    public Integer getHours() { return hours; }
    public void setHours(Integer hours) { this.hours = hours; }
    public Integer getMinutes() { return minutes; }
    public void setMinutes(Integer minutes) { this.minutes = minutes; }
}
