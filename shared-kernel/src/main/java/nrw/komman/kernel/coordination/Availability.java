package nrw.komman.kernel.coordination;

import nrw.komman.kernel.common.InvalidInputException;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * When a volunteer is usually free (weekdays × parts of the day) and when they are away. It is personal data: the
 * events carry it sealed under the volunteer's key in its {@linkplain #canonical() canonical text form}, and it is
 * erased with the volunteer.
 *
 * @param weekly the weekly slots in which the volunteer is usually free; empty when they said nothing
 * @param away   periods away, at most {@link #MAX_ABSENCES}
 */
public record Availability(Set<Slot> weekly, List<Absence> away) {

    public static final int MAX_ABSENCES = 20;
    public static final Availability UNKNOWN = new Availability(Set.of(), List.of());

    public Availability {
        weekly = weekly == null ? Set.of() : Set.copyOf(weekly);
        away = away == null ? List.of() : away.stream().sorted(Comparator.comparing(Absence::from)).toList();
        if (away.size() > MAX_ABSENCES) {
            throw new InvalidInputException("availability.away.too-many",
                    "Höchstens " + MAX_ABSENCES + " Abwesenheiten können eingetragen werden.");
        }
    }

    /** Whether the volunteer said when they are usually free. */
    public boolean known() {
        return !weekly.isEmpty();
    }

    /** Whether the volunteer is away on the day. */
    public boolean awayOn(LocalDate day) {
        return away.stream().anyMatch(a -> a.contains(day));
    }

    /** The weekly slots of the volunteer's usual free time that a span on a weekday touches. */
    public Set<Slot> slotsTouching(DayOfWeek day, LocalTime start, LocalTime end) {
        Set<Slot> touched = new TreeSet<>(Slot.ORDER);
        for (Slot slot : weekly) {
            if (slot.day() == day && slot.part().touches(start, end)) {
                touched.add(slot);
            }
        }
        return touched;
    }

    /** "MONDAY:MORNING,TUESDAY:EVENING|2026-12-20..2027-01-06,…": stable, so the same availability seals the same text. */
    public String canonical() {
        StringBuilder s = new StringBuilder();
        weekly.stream().sorted(Slot.ORDER).forEach(slot -> {
            if (!s.isEmpty()) {
                s.append(',');
            }
            s.append(slot.day()).append(':').append(slot.part());
        });
        s.append('|');
        for (int i = 0; i < away.size(); i++) {
            if (i > 0) {
                s.append(',');
            }
            s.append(away.get(i).from()).append("..").append(away.get(i).until());
        }
        return s.toString();
    }

    /** Reads the {@linkplain #canonical() canonical form}. */
    public static Availability parse(String canonical) {
        if (canonical == null || canonical.isBlank()) {
            return UNKNOWN;
        }
        String[] halves = canonical.split("\\|", -1);
        Set<Slot> weekly = new TreeSet<>(Slot.ORDER);
        for (String slot : halves[0].split(",")) {
            if (!slot.isBlank()) {
                String[] p = slot.split(":");
                weekly.add(new Slot(DayOfWeek.valueOf(p[0]), DayPart.valueOf(p[1])));
            }
        }
        List<Absence> away = new ArrayList<>();
        if (halves.length > 1) {
            for (String range : halves[1].split(",")) {
                if (!range.isBlank()) {
                    String[] p = range.split("\\.\\.");
                    away.add(new Absence(LocalDate.parse(p[0]), LocalDate.parse(p[1])));
                }
            }
        }
        return new Availability(weekly, away);
    }

    /** A weekly slot: a weekday and a part of the day. */
    public record Slot(DayOfWeek day, DayPart part) {

        public static final Comparator<Slot> ORDER = Comparator.comparing(Slot::day).thenComparing(Slot::part);

        public Slot {
            if (day == null || part == null) {
                throw new InvalidInputException("availability.slot.missing", "Wochentag und Tageszeit gehören zusammen.");
            }
        }
    }

    /** A period away, both days included. */
    public record Absence(LocalDate from, LocalDate until) {

        public Absence {
            if (from == null || until == null) {
                throw new InvalidInputException("availability.away.missing", "Eine Abwesenheit braucht ihren ersten und letzten Tag.");
            }
            if (until.isBefore(from)) {
                throw new InvalidInputException("availability.away.order",
                        "Der letzte Tag einer Abwesenheit darf nicht vor dem ersten liegen.");
            }
        }

        public boolean contains(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(until);
        }
    }
}
