package nrw.komman.kernel.coordination;

import java.time.LocalTime;

/** The parts of a day a volunteer can say they are usually free in. */
public enum DayPart {
    MORNING(LocalTime.of(6, 0), LocalTime.of(12, 0)),
    AFTERNOON(LocalTime.of(12, 0), LocalTime.of(17, 0)),
    EVENING(LocalTime.of(17, 0), LocalTime.of(23, 0));

    private final LocalTime from;
    private final LocalTime until;

    DayPart(LocalTime from, LocalTime until) {
        this.from = from;
        this.until = until;
    }

    public LocalTime from() {
        return from;
    }

    public LocalTime until() {
        return until;
    }

    /** Whether the span from {@code start} to {@code end} touches this part of the day. */
    public boolean touches(LocalTime start, LocalTime end) {
        return start.isBefore(until) && from.isBefore(end);
    }
}
