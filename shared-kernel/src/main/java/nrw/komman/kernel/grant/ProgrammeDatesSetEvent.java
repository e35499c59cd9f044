package nrw.komman.kernel.grant;

/** The ministry set the dates of a programme part; {@code before} is what held until then (the defaults at first). */
public record ProgrammeDatesSetEvent(String programmePart, ProgrammeDates before, ProgrammeDates after, String reason) {
}
