package nrw.komman.web.platform.page;

import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.Money;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Euro amounts as people in German offices type them: {@code 12.500,00}, {@code 12500}, {@code 12500,5},
 * {@code 12.500}, {@code 12 500,00 €}. The decimal separator is the comma; a dot only groups thousands
 * (so {@code 1.500} is one thousand five hundred euros). Anything else is refused with a code the
 * message bundle explains ({@code ui.money.<code>}), never guessed: {@code 12.50} is refused, not read as
 * twelve euros fifty. The kernel's {@link Money} checks the range.
 */
public final class GermanMoney {

    private static final Pattern PLAIN = Pattern.compile("\\d+(,\\d+)?");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(\\.\\d{3})+(,\\d+)?");

    private GermanMoney() {
    }

    /** @throws InvalidInputException with code {@code money.missing}, {@code money.malformed}, {@code money.negative}, {@code money.too-precise} or {@code money.too-large} */
    public static Money parse(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidInputException("money.missing", "Bitte einen Betrag angeben.");
        }
        String s = input.strip().replace("\u00A0", " ").replace("\u202F", " ");
        if (s.endsWith("€")) {
            s = s.substring(0, s.length() - 1).strip();
        } else if (s.toUpperCase(java.util.Locale.ROOT).endsWith("EUR")) {
            s = s.substring(0, s.length() - 3).strip();
        }
        s = s.replace(" ", "");
        if (s.startsWith("-")) {
            throw new InvalidInputException("money.negative", "Ein Betrag darf nicht negativ sein.");
        }
        String digits;
        if (PLAIN.matcher(s).matches()) {
            digits = s;
        } else if (GROUPED.matcher(s).matches()) {
            digits = s.replace(".", "");
        } else {
            throw new InvalidInputException("money.malformed",
                    "Bitte den Betrag in Euro mit Komma für die Cent angeben, z. B. 12.500,00 oder 12500.");
        }
        int comma = digits.indexOf(',');
        if (comma >= 0 && digits.length() - comma - 1 > 2) {
            throw new InvalidInputException("money.too-precise", "Ein Betrag hat höchstens zwei Nachkommastellen (Cent).");
        }
        BigDecimal value = new BigDecimal(digits.replace(',', '.'));
        if (value.compareTo(BigDecimal.valueOf(Money.MAX_CENTS, 2)) > 0) {
            throw new InvalidInputException("money.too-large", "Der Betrag ist unplausibel hoch (höchstens 1.000.000.000,00 €).");
        }
        return Money.ofCents(value.movePointRight(2).longValueExact());
    }

    /** The amount as the input field shows it again: 12500 € → "12.500,00". */
    public static String format(Money money) {
        if (money == null) {
            return "";
        }
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(java.util.Locale.GERMANY);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(money.toBigDecimal());
    }
}
