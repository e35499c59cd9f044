package nrw.komman.command.common;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * "Today" as the programme counts days: in Europe/Berlin, whatever zone the server or the
 * injected clock runs in (a fact recorded at 00:30 on 1 January belongs to the new year).
 */
public final class Today {

    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private Today() {
    }

    public static LocalDate in(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), BERLIN);
    }
}
