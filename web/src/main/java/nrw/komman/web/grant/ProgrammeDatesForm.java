package nrw.komman.web.grant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.grant.ProgrammeDates;

/** The ministry's dates of one programme part, in the ranges {@link ProgrammeDates} allows; the reason is optional. */
public class ProgrammeDatesForm {

    @NotNull(message = "{ui.dates.months.required}")
    @Min(value = 1, message = "{ui.dates.months.range}")
    @Max(value = 24, message = "{ui.dates.months.range}")
    private Integer usageReportMonthsAfterYearEnd;

    @NotNull(message = "{ui.dates.reminder.required}")
    @Min(value = 1, message = "{ui.dates.reminder.range}")
    @Max(value = 12, message = "{ui.dates.reminder.range}")
    private Integer reminderWeeksBefore;

    @NotNull(message = "{ui.dates.review.required}")
    @Min(value = 1, message = "{ui.dates.review.range}")
    @Max(value = 26, message = "{ui.dates.review.range}")
    private Integer reviewWithinWeeks;

    @NotNull(message = "{ui.dates.decision.required}")
    @Min(value = 1, message = "{ui.dates.decision.range}")
    @Max(value = 26, message = "{ui.dates.decision.range}")
    private Integer decisionWithinWeeks;

    @Size(max = 4000, message = "{ui.too-long}")
    private String reason;

    static ProgrammeDatesForm of(ProgrammeDates dates) {
        ProgrammeDatesForm form = new ProgrammeDatesForm();
        form.usageReportMonthsAfterYearEnd = dates.usageReportMonthsAfterYearEnd();
        form.reminderWeeksBefore = dates.reminderWeeksBefore();
        form.reviewWithinWeeks = dates.reviewWithinWeeks();
        form.decisionWithinWeeks = dates.decisionWithinWeeks();
        return form;
    }

    public Integer getUsageReportMonthsAfterYearEnd() { return usageReportMonthsAfterYearEnd; }
    public void setUsageReportMonthsAfterYearEnd(Integer value) { this.usageReportMonthsAfterYearEnd = value; }
    public Integer getReminderWeeksBefore() { return reminderWeeksBefore; }
    public void setReminderWeeksBefore(Integer value) { this.reminderWeeksBefore = value; }
    public Integer getReviewWithinWeeks() { return reviewWithinWeeks; }
    public void setReviewWithinWeeks(Integer value) { this.reviewWithinWeeks = value; }
    public Integer getDecisionWithinWeeks() { return decisionWithinWeeks; }
    public void setDecisionWithinWeeks(Integer value) { this.decisionWithinWeeks = value; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
