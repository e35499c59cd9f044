package nrw.komman.kernel.common;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The calendar and the formats of North Rhine-Westphalia's administration, in one place for every
 * module: days are counted in Europe/Berlin whatever zone the server or an injected clock runs in
 * (a fact recorded at 00:30 on 1 January belongs to the new year), dates read 05.04.2025 and
 * amounts 12.500,00 €.
 */
public final class Nrw {

    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.GERMANY);

    private Nrw() {
    }

    /** Today in NRW by the given clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** The day in NRW on which this instant falls. */
    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** The system clock in NRW, for when the application provides none. */
    public static Clock systemClock() {
        return Clock.system(ZONE);
    }

    /** A date as the administration writes it: 05.04.2025. */
    public static String date(LocalDate date) {
        return DATE.format(date);
    }

    /** An amount as the administration writes it: 12.500,00 € (with an ordinary space). */
    public static String euros(Money amount) {
        return String.format(Locale.GERMANY, "%,.2f €", amount.toBigDecimal());
    }
}
