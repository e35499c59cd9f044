package nrw.komman.web.coordination;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.activity.ActivityRules;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.coordination.HelpRequestId;
import nrw.komman.kernel.coordination.OpenHelpRequestCommand;
import nrw.komman.kernel.coordination.Schedule;
import nrw.komman.web.platform.Ids;
import nrw.komman.web.platform.problem.InvalidFieldException;
import nrw.komman.web.volunteer.LanguageInput;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.Set;

/**
 * The new-request form. Nothing is filled in for the coordinator (ADR 29): a date, a time or a duration left empty
 * is an error, never a default. A request is once (one date) or recurring (first and last day and weekdays); the
 * duration is hours and minutes as on the activity form (ADR 30).
 */
public class HelpRequestForm {

    /** Once, on one date; or on weekdays of a period. */
    public enum Kind { ONCE, WEEKLY }

    @NotNull(message = "{ui.help-request.category.required}")
    private ActivityCategory category;
    private Set<String> languages = new HashSet<>();
    @Size(max = 300, message = "{ui.too-long}")
    private String otherLanguages;
    @NotNull(message = "{ui.help-request.kind.required}")
    private Kind kind;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate day;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate firstDay;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate lastDay;
    private Set<DayOfWeek> weekdays = new HashSet<>();
    @NotNull(message = "{ui.help-request.start.required}")
    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime start;
    @NotNull(message = "{ui.help-request.end.required}")
    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime end;
    @PositiveOrZero(message = "{ui.activity.duration.negative}")
    private Integer hours;
    @PositiveOrZero(message = "{ui.activity.duration.negative}")
    private Integer minutes;
    @NotBlank(message = "{ui.help-request.municipality.required}")
    @Size(max = 100, message = "{ui.too-long}")
    private String municipality;
    @Size(max = 200, message = "{ui.too-long}")
    private String place;
    @NotNull(message = "{ui.help-request.volunteers-needed.required}")
    private Integer volunteersNeeded;
    @NotBlank(message = "{ui.help-request.requester.required}")
    @Size(max = 200, message = "{ui.too-long}")
    private String requesterName;
    @Size(max = 200, message = "{ui.too-long}")
    private String requesterContact;
    @Size(max = 500, message = "{ui.too-long}")
    private String note;
    @Size(max = 36, message = "{ui.too-long}")
    private String grantId;

    /** The field a date problem of the kernel's schedule belongs to, by the form's kind. */
    String dateField() {
        return kind == Kind.WEEKLY ? "firstDay" : "day";
    }

    /**
     * The schedule, or the date problem at its field. Only called once the times parsed.
     *
     * @throws InvalidFieldException when a date of the chosen kind is missing, or the kernel refuses the schedule
     */
    Schedule schedule() {
        if (kind == Kind.WEEKLY) {
            if (firstDay == null) {
                throw new InvalidFieldException("firstDay", "help-request.firstDay.missing", "Bitte geben Sie den ersten Tag an.");
            }
            if (lastDay == null) {
                throw new InvalidFieldException("lastDay", "help-request.lastDay.missing", "Bitte geben Sie den letzten Tag an.");
            }
            if (weekdays == null || weekdays.isEmpty()) {
                throw new InvalidFieldException("weekdays", "schedule.weekdays.missing",
                        "Für einen wiederkehrenden Einsatz fehlen die Wochentage.");
            }
            return Schedule.weekly(firstDay, lastDay, weekdays, start, end);
        }
        if (day == null) {
            throw new InvalidFieldException("day", "help-request.day.missing", "Bitte geben Sie das Datum an.");
        }
        return Schedule.once(day, start, end);
    }

    /** Hours × 60 + minutes, an empty field counting 0, not both (as on the activity form). */
    int totalMinutes() {
        if (hours == null && minutes == null) {
            throw new InvalidFieldException("hours", "activity.duration.required", "Bitte geben Sie die Dauer an.");
        }
        long total = (hours == null ? 0L : hours) * 60L + (minutes == null ? 0L : minutes);
        int clamped = (int) Math.max(Integer.MIN_VALUE, Math.min(total, ActivityRules.MAX_MINUTES + 1L));
        ActivityRules.checkDuration(clamped);
        return clamped;
    }

    Set<String> languageCodes() {
        return LanguageInput.codes(languages, otherLanguages);
    }

    OpenHelpRequestCommand toCommand(HelpRequestId id, CentreId centre) {
        return new OpenHelpRequestCommand(id, centre, category, languageCodes(), schedule(), totalMinutes(), municipality,
                place, volunteersNeeded, requesterName, requesterContact, note, Ids.optionalGrant("grantId", grantId));
    }

    public ActivityCategory getCategory() { return category; }
    public void setCategory(ActivityCategory category) { this.category = category; }
    public Set<String> getLanguages() { return languages; }
    public void setLanguages(Set<String> languages) { this.languages = languages; }
    public String getOtherLanguages() { return otherLanguages; }
    public void setOtherLanguages(String otherLanguages) { this.otherLanguages = otherLanguages; }
    public Kind getKind() { return kind; }
    public void setKind(Kind kind) { this.kind = kind; }
    public LocalDate getDay() { return day; }
    public void setDay(LocalDate day) { this.day = day; }
    public LocalDate getFirstDay() { return firstDay; }
    public void setFirstDay(LocalDate firstDay) { this.firstDay = firstDay; }
    public LocalDate getLastDay() { return lastDay; }
    public void setLastDay(LocalDate lastDay) { this.lastDay = lastDay; }
    public Set<DayOfWeek> getWeekdays() { return weekdays; }
    public void setWeekdays(Set<DayOfWeek> weekdays) { this.weekdays = weekdays; }
    public LocalTime getStart() { return start; }
    public void setStart(LocalTime start) { this.start = start; }
    public LocalTime getEnd() { return end; }
    public void setEnd(LocalTime end) { this.end = end; }
    public Integer getHours() { return hours; }
    public void setHours(Integer hours) { this.hours = hours; }
    public Integer getMinutes() { return minutes; }
    public void setMinutes(Integer minutes) { this.minutes = minutes; }
    public String getMunicipality() { return municipality; }
    public void setMunicipality(String municipality) { this.municipality = municipality; }
    public String getPlace() { return place; }
    public void setPlace(String place) { this.place = place; }
    public Integer getVolunteersNeeded() { return volunteersNeeded; }
    public void setVolunteersNeeded(Integer volunteersNeeded) { this.volunteersNeeded = volunteersNeeded; }
    public String getRequesterName() { return requesterName; }
    public void setRequesterName(String requesterName) { this.requesterName = requesterName; }
    public String getRequesterContact() { return requesterContact; }
    public void setRequesterContact(String requesterContact) { this.requesterContact = requesterContact; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public String getGrantId() { return grantId; }
    public void setGrantId(String grantId) { this.grantId = grantId; }
}
