package nrw.komman.command.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The fixed "now" of the tests: 25 November 2026, morning in Berlin. */
public final class TestClock {

    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), BERLIN);
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private TestClock() {
    }
}
