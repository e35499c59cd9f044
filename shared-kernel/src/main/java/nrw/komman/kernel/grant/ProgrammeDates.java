package nrw.komman.kernel.grant;

import nrw.komman.kernel.common.Guard;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.Nrw;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;

/**
 * The dates that matter in a grant of one programme part, as the ministry sets them (issue 19): the usage report
 * is due so many months after the end of the funding year (the approval may set another day), the centre is
 * reminded so many weeks before; the grant authority should review an application within so many weeks of its
 * receipt, the ministry decide within so many weeks of the review. Money disbursed is to be spent within
 * {@link #SPENDING_WITHIN} (rule of the programme, not configurable).
 *
 * @param part                          the programme part these dates are for
 * @param usageReportMonthsAfterYearEnd 1–24: the usage report is due on the last day of the funding year plus this
 * @param reminderWeeksBefore           1–12: the reminder comes so many weeks before the usage report is due
 * @param reviewWithinWeeks             1–26: an application not reviewed after so many weeks is overdue
 * @param decisionWithinWeeks           1–26: a reviewed application not decided after so many weeks is overdue
 */
public record ProgrammeDates(ProgrammePart part, int usageReportMonthsAfterYearEnd, int reminderWeeksBefore,
                             int reviewWithinWeeks, int decisionWithinWeeks) {

    /** Money drawn must be spent soon: two months after the disbursement the spending is to be reported. */
    public static final Period SPENDING_WITHIN = Period.ofMonths(2);
    /** The hour of the day (NRW time) at which a date's notice is recorded: the start of the working day. */
    public static final LocalTime NOTICE_TIME = LocalTime.of(6, 0);

    public ProgrammeDates {
        Guard.required(part, "part", "Der Programmteil");
        within(usageReportMonthsAfterYearEnd, 1, 24, "usageReportMonthsAfterYearEnd",
                "Die Frist für den Verwendungsnachweis muss zwischen 1 und 24 Monaten nach Ende des Förderjahres liegen.");
        within(reminderWeeksBefore, 1, 12, "reminderWeeksBefore",
                "Die Erinnerung muss zwischen 1 und 12 Wochen vor der Frist liegen.");
        within(reviewWithinWeeks, 1, 26, "reviewWithinWeeks",
                "Die Frist für die Prüfung eines Antrags muss zwischen 1 und 26 Wochen liegen.");
        within(decisionWithinWeeks, 1, 26, "decisionWithinWeeks",
                "Die Frist für die Entscheidung muss zwischen 1 und 26 Wochen liegen.");
    }

    /** What holds until the ministry sets other dates: due six months after the year, reminded four weeks before. */
    public static ProgrammeDates defaults(ProgrammePart part) {
        return new ProgrammeDates(part, 6, 4, 6, 4);
    }

    /** The day the usage report of a grant of this funding year is due unless the approval set another. */
    public LocalDate usageReportDue(int fundingYear) {
        return LocalDate.of(fundingYear, 12, 31).plusMonths(usageReportMonthsAfterYearEnd);
    }

    /** The day the centre is reminded of a usage report due on {@code dueOn}. */
    public LocalDate reminderOn(LocalDate dueOn) {
        return dueOn.minusWeeks(reminderWeeksBefore);
    }

    /** The last day for reviewing an application received on {@code appliedOn}. */
    public LocalDate reviewDueOn(LocalDate appliedOn) {
        return appliedOn.plusWeeks(reviewWithinWeeks);
    }

    /** The last day for deciding on an application reviewed on {@code reviewedOn}. */
    public LocalDate decisionDueOn(LocalDate reviewedOn) {
        return reviewedOn.plusWeeks(decisionWithinWeeks);
    }

    /** The last day for reporting the spending of money disbursed on {@code disbursedOn}. */
    public static LocalDate spendingDueOn(LocalDate disbursedOn) {
        return disbursedOn.plus(SPENDING_WITHIN);
    }

    /** When the notice of a day is recorded: {@link #NOTICE_TIME} on that day, NRW time. */
    public static Instant noticeAt(LocalDate day) {
        return day.atTime(NOTICE_TIME).atZone(Nrw.ZONE).toInstant();
    }

    /** When a last day has passed: {@link #NOTICE_TIME} on the day after it, NRW time. */
    public static Instant passedAt(LocalDate lastDay) {
        return noticeAt(lastDay.plusDays(1));
    }

    private static void within(int value, int min, int max, String field, String message) {
        if (value < min || value > max) {
            throw new InvalidInputException(field + ".out-of-range", message);
        }
    }
}
