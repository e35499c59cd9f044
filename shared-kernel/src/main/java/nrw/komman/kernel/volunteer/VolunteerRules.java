package nrw.komman.kernel.volunteer;

import nrw.komman.kernel.common.InvalidInputException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks on a volunteer's input that need no state. {@link PersonalData} and the aggregate apply them, and the
 * forms run them next to their own field checks so that one answer names every problem (ADR 29).
 */
public final class VolunteerRules {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()/\\-]{4,29}");

    private VolunteerRules() {
    }

    /** An e-mail address or a phone number (or both): how the centre reaches the person. */
    public static void checkContact(String email, String phone) {
        if (blank(email) && blank(phone)) {
            throw new InvalidInputException("contact.missing", "Bitte eine E-Mail-Adresse oder eine Telefonnummer angeben.");
        }
    }

    /** An address of the usual form; none is fine (see {@link #checkContact}). */
    public static void checkEmail(String email) {
        if (!blank(email) && !EMAIL.matcher(email.strip().toLowerCase(Locale.ROOT)).matches()) {
            throw new InvalidInputException("email.malformed", "Die E-Mail-Adresse ist ungültig.");
        }
    }

    /** Digits, spaces and + / ( ) -; none is fine (see {@link #checkContact}). */
    public static void checkPhone(String phone) {
        if (!blank(phone) && !PHONE.matcher(phone.strip()).matches()) {
            throw new InvalidInputException("phone.malformed",
                    "Die Telefonnummer ist ungültig (Ziffern, Leerzeichen, + / ( ) - erlaubt).");
        }
    }

    /** Consent is given on paper before it is recorded: never later than now. */
    public static void checkConsentGiven(Instant givenAt, Instant now) {
        if (givenAt != null && givenAt.isAfter(now)) {
            throw new InvalidInputException("consent.givenAt.future",
                    "Die Einwilligung kann nicht in der Zukunft unterschrieben sein.");
        }
    }

    /** A volunteer who started before the platform is registered with an earlier day, never a future one. */
    public static void checkRegisteredOn(LocalDate registeredOn, LocalDate today) {
        if (registeredOn != null && registeredOn.isAfter(today)) {
            throw new InvalidInputException("volunteer.registered-on.future",
                    "Das Datum der Registrierung darf nicht in der Zukunft liegen.");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
