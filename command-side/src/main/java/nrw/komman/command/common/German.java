package nrw.komman.command.common;

import nrw.komman.kernel.common.Money;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and amounts in refusal messages as a German reader expects them (25.11.2026, 12.500,00 €). */
public final class German {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.GERMANY);

    private German() {
    }

    public static String date(LocalDate date) {
        return DATE.format(date);
    }

    public static String euros(Money amount) {
        return String.format(Locale.GERMANY, "%,.2f €", amount.toBigDecimal());
    }
}
