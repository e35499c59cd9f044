package nrw.komman.kernel.coordination;

import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.Nrw;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * When a request for help needs people: once (one day, {@code weekdays} empty, {@code firstDay == lastDay}), or
 * recurring on the given weekdays between {@code firstDay} and {@code lastDay} ("every Thursday 15–18 until
 * March"). On each day the help is needed from {@code start} to {@code end}, local time in NRW; a window
 * ("Tuesday between 9 and 12") is a start and end wider than the request's minutes.
 *
 * <p>Overlap of two assignments is decided on the {@linkplain #occurrences() occurrences}: a recurring schedule
 * spans at most {@link #MAX_DAYS} days (both ends included), so a schedule has at most 366 of them.
 */
public record Schedule(LocalDate firstDay, LocalDate lastDay, Set<DayOfWeek> weekdays, LocalTime start, LocalTime end) {

    /** The longest period a recurring request may span; a longer commitment is a new request. */
    public static final int MAX_DAYS = 366;

    public Schedule {
        List<InvalidInputException> problems = new ArrayList<>();
        if (firstDay == null) {
            problems.add(new InvalidInputException("schedule.firstDay.missing", "Das Datum fehlt."));
        }
        if (start == null) {
            problems.add(new InvalidInputException("schedule.start.missing", "Die Anfangszeit fehlt."));
        }
        if (end == null) {
            problems.add(new InvalidInputException("schedule.end.missing", "Die Endzeit fehlt."));
        }
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
        // in the week's order, so the same schedule is written the same way every time (stored events, samples)
        weekdays = weekdays == null || weekdays.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(weekdays));
        if (lastDay == null) {
            lastDay = firstDay;
        }
        if (!end.isAfter(start)) {
            throw new InvalidInputException("schedule.end.before-start", "Die Endzeit muss nach der Anfangszeit liegen.");
        }
        if (lastDay.isBefore(firstDay)) {
            throw new InvalidInputException("schedule.lastDay.before-first", "Der letzte Tag darf nicht vor dem ersten liegen.");
        }
        if (firstDay.plusDays(MAX_DAYS - 1).isBefore(lastDay)) {
            throw new InvalidInputException("schedule.too-long", "Ein wiederkehrender Einsatz umfasst höchstens ein Jahr.");
        }
        if (weekdays.isEmpty() && !lastDay.equals(firstDay)) {
            throw new InvalidInputException("schedule.weekdays.missing",
                    "Für einen wiederkehrenden Einsatz fehlen die Wochentage.");
        }
        if (!weekdays.isEmpty() && occurrenceDays(firstDay, lastDay, weekdays).isEmpty()) {
            throw new InvalidInputException("schedule.no-occurrence",
                    "Im gewählten Zeitraum liegt keiner der gewählten Wochentage.");
        }
    }

    /** Once, on one day. */
    public static Schedule once(LocalDate day, LocalTime start, LocalTime end) {
        return new Schedule(day, day, Set.of(), start, end);
    }

    /** On the given weekdays of a period. */
    public static Schedule weekly(LocalDate firstDay, LocalDate lastDay, Set<DayOfWeek> weekdays, LocalTime start, LocalTime end) {
        return new Schedule(firstDay, lastDay, weekdays, start, end);
    }

    public boolean recurring() {
        return !weekdays.isEmpty();
    }

    /** The days on which help is needed, in order. */
    public List<LocalDate> days() {
        return recurring() ? occurrenceDays(firstDay, lastDay, weekdays) : List.of(firstDay);
    }

    /** Every time span in which help is needed, in order, as instants (NRW's zone, summer time included). */
    public List<Occurrence> occurrences() {
        List<Occurrence> occurrences = new ArrayList<>();
        for (LocalDate day : days()) {
            occurrences.add(new Occurrence(day, day.atTime(start).atZone(Nrw.ZONE).toInstant(),
                    day.atTime(end).atZone(Nrw.ZONE).toInstant()));
        }
        return occurrences;
    }

    /** When the help is first needed. */
    public Instant startsAt() {
        return firstDay.atTime(start).atZone(Nrw.ZONE).toInstant();
    }

    /** When the help is last needed. */
    public Instant endsAt() {
        return days().get(days().size() - 1).atTime(end).atZone(Nrw.ZONE).toInstant();
    }

    /** Whether any occurrence of this schedule overlaps any of the other's (touching ends do not overlap). */
    public boolean overlaps(Schedule other) {
        if (!endsAt().isAfter(other.startsAt()) || !other.endsAt().isAfter(startsAt())) {
            return false;
        }
        List<Occurrence> theirs = other.occurrences();
        for (Occurrence mine : occurrences()) {
            for (Occurrence their : theirs) {
                if (mine.overlaps(their)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the given day is one on which help is needed. */
    public boolean hasDay(LocalDate day) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay) && (!recurring() || weekdays.contains(day.getDayOfWeek()));
    }

    private static List<LocalDate> occurrenceDays(LocalDate first, LocalDate last, Set<DayOfWeek> weekdays) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (weekdays.contains(d.getDayOfWeek())) {
                days.add(d);
            }
        }
        return days;
    }

    /** One span of a schedule: its day and its start and end as instants. */
    public record Occurrence(LocalDate day, Instant startsAt, Instant endsAt) {

        public boolean overlaps(Occurrence other) {
            return startsAt.isBefore(other.endsAt) && other.startsAt.isBefore(endsAt);
        }
    }
}
