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
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw new InvalidInputException(field + ".too-long",
                    label + " ist zu lang (höchstens " + max + " Zeichen).");
        }
        if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new InvalidInputException(field + ".control-characters", label + " enthält unzulässige Steuerzeichen.");
        }
        return trimmed;
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
