package nrw.komman.kernel.activity;

import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.common.RuleViolationException;

import java.time.LocalDate;

/**
 * Checks on an activity's input (domain rule 3) that need no aggregate: a duration of more than 0 and at most 24
 * hours, a date neither in the future nor before the volunteer's registration. The aggregate applies them, and a
 * form runs them too, beside its own field checks, so one answer names every problem of the input.
 */
public final class ActivityRules {

    public static final int MAX_MINUTES = 24 * 60;

    private ActivityRules() {
    }

    public static void checkDuration(int minutes) {
        if (minutes <= 0) {
            throw new InvalidInputException("activity.duration.not-positive", "Die Dauer muss größer als 0 sein.");
        }
        if (minutes > MAX_MINUTES) {
            throw new InvalidInputException("activity.duration.too-long", "Ein Einsatz dauert höchstens 24 Stunden.");
        }
    }

    /**
     * @param today        today in NRW's time zone
     * @param registeredOn the day the volunteer was registered; null when not known (then only the future is checked)
     */
    public static void checkDate(LocalDate date, LocalDate today, LocalDate registeredOn) {
        if (date.isAfter(today)) {
            throw new InvalidInputException("activity.future-date", "Das Datum des Einsatzes darf nicht in der Zukunft liegen.");
        }
        if (registeredOn != null && date.isBefore(registeredOn)) {
            throw new RuleViolationException("activity.before-registration",
                    "Das Datum des Einsatzes liegt vor der Registrierung der Person (" + Nrw.date(registeredOn) + ").");
        }
    }
}
