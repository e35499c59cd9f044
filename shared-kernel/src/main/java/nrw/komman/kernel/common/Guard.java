package nrw.komman.kernel.common;

/** Small input checks shared by commands, so a malformed command never reaches an aggregate. */
public final class Guard {

    private Guard() {
    }

    public static <T> T required(T value, String field, String label) {
        if (value == null) {
            throw new InvalidInputException(field + ".missing", label + " fehlt.");
        }
        return value;
    }

    /** A required single-line or multi-line text, trimmed, at most {@code max} characters. */
    public static String text(String value, String field, String label, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field + ".missing", label + " fehlt.");
        }
        return optionalText(value, field, label, max);
    }

    /** An optional text: null when blank, otherwise trimmed and at most {@code max} characters. */
    public static String optionalText(String value, String field, String label, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        plain(value, field, label);
        String trimmed = PlainText.normalized(value).strip();
        if (trimmed.length() > max) {
            throw new InvalidInputException(field + ".too-long",
                    label + " ist zu lang (höchstens " + max + " Zeichen).");
        }
        return trimmed;
    }

    /**
     * Refuses a text that breaks {@link PlainText}'s rule, with a German message that names the field
     * by its label ("Der Name") and what is wrong; returns it unchanged otherwise (not yet in NFC).
     */
    public static String plain(String value, String field, String label) {
        PlainText.Fault fault = PlainText.fault(value);
        if (fault == null) {
            return value;
        }
        String it = pronoun(label);
        throw switch (fault) {
            case CONTROL -> new InvalidTextException(field, field + ".control-characters",
                    label + " enthält unzulässige Steuerzeichen. Bitte geben Sie " + it + " ohne diese Zeichen ein.");
            case INVISIBLE -> new InvalidTextException(field, field + ".invisible-characters",
                    label + " enthält unsichtbare Steuerzeichen (z. B. Richtungsumkehr oder Null-Breite-Zeichen). "
                            + "Bitte geben Sie " + it + " ohne diese Zeichen ein.");
            case MALFORMED -> new InvalidTextException(field, field + ".malformed-characters",
                    label + " enthält ungültig kodierte Zeichen (z. B. ein halbes Unicode-Zeichenpaar oder „\uFFFD“). "
                            + "Bitte geben Sie " + it + " erneut ein.");
        };
    }

    /** "Der Name" → "ihn", "Die Verfügbarkeit" → "sie", "Das Vorhaben" → "es". */
    private static String pronoun(String label) {
        if (label.startsWith("Der ")) {
            return "ihn";
        }
        if (label.startsWith("Die ")) {
            return "sie";
        }
        return label.startsWith("Das ") ? "es" : "den Text";
    }

    /**
     * An optional day of the calendar the API speaks (ISO dates with four-digit years): a day outside
     * the years 1 to 9999 is refused here, before a database that cannot store it fails on it.
     */
    public static java.time.LocalDate calendarDate(java.time.LocalDate value, String field, String label) {
        if (value != null && (value.getYear() < 1 || value.getYear() > 9999)) {
            throw new InvalidInputException(field + ".out-of-range",
                    label + " muss zwischen dem 01.01.0001 und dem 31.12.9999 liegen.");
        }
        return value;
    }
}
