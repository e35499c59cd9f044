package nrw.komman.kernel.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An exact, non-negative amount of euros, held in cents. Never a floating point number:
 * grant amounts are compared and summed to the cent.
 */
public record Money(long cents) implements Comparable<Money> {

    /** Far above any KOMM-AN grant (the whole programme is a few ten million euros a year). */
    public static final long MAX_CENTS = 100_000_000_000L; // 1 000 000 000,00 €
    public static final Money ZERO = new Money(0);

    public Money {
        if (cents < 0) {
            throw new InvalidInputException("money.negative", "Ein Betrag darf nicht negativ sein.");
        }
        if (cents > MAX_CENTS) {
            throw new InvalidInputException("money.too-large", "Der Betrag ist unplausibel hoch (höchstens 1.000.000.000,00 €).");
        }
    }

    public static Money ofCents(long cents) {
        return new Money(cents);
    }

    /** Parses a decimal string in euros such as {@code "12500.00"} or {@code "99.5"}; at most two decimals. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Money parse(String euros) {
        if (euros == null || euros.isBlank()) {
            throw new InvalidInputException("money.missing", "Bitte einen Betrag angeben.");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(euros.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("money.malformed",
                    "„" + abbreviate(euros) + "“ ist kein Betrag. Erwartet wird z. B. 12500.00");
        }
        if (value.scale() > 2 && value.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException("money.too-precise", "Ein Betrag hat höchstens zwei Nachkommastellen (Cent).");
        }
        if (value.signum() < 0) {
            throw new InvalidInputException("money.negative", "Ein Betrag darf nicht negativ sein.");
        }
        if (value.compareTo(BigDecimal.valueOf(MAX_CENTS, 2)) > 0) {
            throw new InvalidInputException("money.too-large", "Der Betrag ist unplausibel hoch (höchstens 1.000.000.000,00 €).");
        }
        return new Money(value.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact());
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(cents, other.cents));
    }

    /** The difference; never negative, so callers check {@link #isLessThan} first. */
    public Money minus(Money other) {
        return new Money(cents - other.cents);
    }

    public boolean isGreaterThan(Money other) {
        return cents > other.cents;
    }

    public boolean isLessThan(Money other) {
        return cents < other.cents;
    }

    public boolean isZero() {
        return cents == 0;
    }

    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(cents, 2);
    }

    /** The JSON form: a decimal string with two decimals, e.g. {@code "12500.00"}. */
    @JsonValue
    @Override
    public String toString() {
        return toBigDecimal().toPlainString();
    }

    @Override
    public int compareTo(Money o) {
        return Long.compare(cents, o.cents);
    }

    private static String abbreviate(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }
}
