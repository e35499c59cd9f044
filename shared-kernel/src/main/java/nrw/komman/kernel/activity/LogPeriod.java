package nrw.komman.kernel.activity;

import nrw.komman.kernel.common.InvalidInputException;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The period of a centre's activity log as a whole (the log's page and its exports): both days given, the start
 * not after the end, at most a year long, so that one answer, sorted by a name that is sealed (ADR 22), stays the
 * size of a centre's year.
 */
public final class LogPeriod {

    /** A leap year's days: "01.01. to 31.12." is always allowed. */
    public static final int MAX_DAYS = 366;

    private LogPeriod() {
    }

    public static void checkFrom(LocalDate from) {
        if (from == null) {
            throw new InvalidInputException("period.from.missing", "Bitte geben Sie den ersten Tag des Zeitraums an.");
        }
    }

    public static void checkTo(LocalDate to) {
        if (to == null) {
            throw new InvalidInputException("period.to.missing", "Bitte geben Sie den letzten Tag des Zeitraums an.");
        }
    }

    /** The two days together; call it only with both given (each is checked on its own). */
    public static void checkRange(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new InvalidInputException("period.reversed", "Der Beginn des Zeitraums liegt nach seinem Ende.");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new InvalidInputException("period.too-long", "Der Zeitraum darf höchstens ein Jahr lang sein.");
        }
    }

    public static void check(LocalDate from, LocalDate to) {
        checkFrom(from);
        checkTo(to);
        checkRange(from, to);
    }
}
