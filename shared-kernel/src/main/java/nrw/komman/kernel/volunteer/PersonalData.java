package nrw.komman.kernel.volunteer;

import nrw.komman.kernel.common.Guard;
import nrw.komman.kernel.common.InvalidInputException;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A volunteer's personal data in plain text: name, contact (e-mail and/or phone) and availability
 * (free text that may say personal things). It travels in commands and answers to authorised
 * queries only; events carry it {@linkplain SealedPersonalData sealed}.
 */
public record PersonalData(String name, String email, String phone, String availability) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()/\\-]{4,29}");
    private static final char SEPARATOR = '\u001F'; // never in a field: Guard refuses control characters

    public PersonalData {
        name = Guard.text(name, "name", "Der Name", 200);
        email = Guard.optionalText(email, "email", "Die E-Mail-Adresse", 254);
        phone = Guard.optionalText(phone, "phone", "Die Telefonnummer", 30);
        availability = Guard.optionalText(availability, "availability", "Die Verfügbarkeit", 500);
        if (email == null && phone == null) {
            throw new InvalidInputException("contact.missing", "Bitte eine E-Mail-Adresse oder eine Telefonnummer angeben.");
        }
        if (email != null) {
            email = email.toLowerCase(Locale.ROOT);
            if (!EMAIL.matcher(email).matches()) {
                throw new InvalidInputException("email.malformed", "Die E-Mail-Adresse ist ungültig.");
            }
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw new InvalidInputException("phone.malformed",
                    "Die Telefonnummer ist ungültig (Ziffern, Leerzeichen, + / ( ) - erlaubt).");
        }
    }

    /** A compact, deterministic text form for sealing. */
    public String encode() {
        return String.join(String.valueOf(SEPARATOR), name, nz(email), nz(phone), nz(availability));
    }

    public static PersonalData decode(String encoded) {
        String[] parts = encoded.split(String.valueOf(SEPARATOR), -1);
        return new PersonalData(parts[0], emptyToNull(parts[1]), emptyToNull(parts[2]), emptyToNull(parts[3]));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
