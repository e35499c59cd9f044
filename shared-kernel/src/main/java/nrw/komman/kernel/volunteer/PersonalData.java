package nrw.komman.kernel.volunteer;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.common.Guard;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.PlainText;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A volunteer's personal data in plain text: name, contact (e-mail and/or phone), availability
 * (free text that may say personal things), languages spoken and areas of interest (languages can
 * hint at ethnic origin, DSGVO Art. 9). It travels in commands and answers to authorised queries
 * only; events carry it {@linkplain SealedPersonalData sealed}.
 *
 * @param languages language codes ({@link Languages}), lower case, sorted; empty when none are given
 * @param interests activity categories the volunteer is interested in, in declaration order; empty when none
 */
public record PersonalData(String name, String email, String phone, String availability, Set<String> languages,
                           Set<ActivityCategory> interests) {

    private static final char SEPARATOR = '\u001F'; // never in a field: Guard refuses control characters
    private static final String LIST_SEPARATOR = ","; // never in a language code or a category name
    /** Fields of {@link #encode()}; data sealed before languages and interests were sealed has the first four only. */
    private static final int FIELDS = 6;
    private static final int FIELDS_WITHOUT_LANGUAGES_AND_INTERESTS = 4;

    public PersonalData {
        name = Guard.text(name, "name", "Der Name", 200);
        email = Guard.optionalText(email, "email", "Die E-Mail-Adresse", 254);
        phone = Guard.optionalText(phone, "phone", "Die Telefonnummer", 30);
        availability = Guard.optionalText(availability, "availability", "Die Verfügbarkeit", 500);
        VolunteerRules.checkContact(email, phone);
        VolunteerRules.checkEmail(email);
        VolunteerRules.checkPhone(phone);
        if (email != null) {
            email = email.toLowerCase(Locale.ROOT);
        }
        languages = Collections.unmodifiableSortedSet(new TreeSet<>(Languages.normalise(languages)));
        interests = Collections.unmodifiableSet(categories(interests));
    }

    /**
     * A compact, deterministic text form for sealing: the fields joined by the unit separator,
     * languages (sorted) and interests (enum names, in declaration order) each joined by commas. The
     * enum names are part of this format: renaming a category needs a mapping in {@link #decode}.
     */
    public String encode() {
        return String.join(String.valueOf(SEPARATOR), name, nz(email), nz(phone), nz(availability),
                String.join(LIST_SEPARATOR, languages),
                interests.stream().map(ActivityCategory::name).collect(Collectors.joining(LIST_SEPARATOR)));
    }

    /** The data from its {@link #encode()} form, validated again like any new data. */
    public static PersonalData decode(String encoded) {
        String[] parts = encoded.split(String.valueOf(SEPARATOR), -1);
        if (parts.length != FIELDS && parts.length != FIELDS_WITHOUT_LANGUAGES_AND_INTERESTS) {
            throw new IllegalArgumentException("sealed personal data has " + parts.length + " fields, expected " + FIELDS);
        }
        boolean withLists = parts.length == FIELDS;
        List<ActivityCategory> interests = withLists
                ? list(parts[5]).stream().map(PersonalData::category).toList() : List.of();
        // data sealed before PlainText's rule may hold characters it now refuses: read without them, never fail
        return new PersonalData(stored(parts[0]), emptyToNull(stored(parts[1])), emptyToNull(stored(parts[2])),
                emptyToNull(stored(parts[3])),
                withLists ? Set.copyOf(list(parts[4])) : Set.of(), Set.copyOf(interests));
    }

    /**
     * What matching a volunteer to a request needs of the data (issue 18): the name, languages and interests.
     *
     * @param name      as {@link #name()}
     * @param languages as {@link #languages()}
     * @param interests as {@link #interests()}
     */
    public record Profile(String name, Set<String> languages, Set<ActivityCategory> interests) {

        /** The profile of data opened and checked in full. */
        public static Profile of(PersonalData data) {
            return new Profile(data.name(), data.languages(), data.interests());
        }
    }

    /**
     * The {@link Profile} from an {@link #encode()} form, without checking the contact fields again: they were checked
     * when the data was sealed, and matching a centre's roster opens every volunteer's data on each request, where
     * checking and copying every field again was two fifths of the opening (measured with JFR). The lists are read as
     * {@link #encode()} wrote them (languages normalised, interests by enum name).
     */
    public static Profile profileOf(String encoded) {
        String[] parts = encoded.split(String.valueOf(SEPARATOR), -1);
        if (parts.length != FIELDS && parts.length != FIELDS_WITHOUT_LANGUAGES_AND_INTERESTS) {
            throw new IllegalArgumentException("sealed personal data has " + parts.length + " fields, expected " + FIELDS);
        }
        if (parts.length == FIELDS_WITHOUT_LANGUAGES_AND_INTERESTS) {
            return new Profile(stored(parts[0]), Set.of(), Set.of());
        }
        Set<ActivityCategory> interests = EnumSet.noneOf(ActivityCategory.class);
        for (String name : list(parts[5])) {
            interests.add(category(name));
        }
        return new Profile(stored(parts[0]), Set.copyOf(list(parts[4])), Collections.unmodifiableSet(interests));
    }

    private static Set<ActivityCategory> categories(Collection<ActivityCategory> interests) {
        Set<ActivityCategory> result = EnumSet.noneOf(ActivityCategory.class);
        if (interests != null) {
            for (ActivityCategory interest : interests) {
                result.add(Guard.required(interest, "interests", "Ein Interessengebiet"));
            }
        }
        return result;
    }

    private static List<String> list(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(LIST_SEPARATOR, -1));
    }

    private static ActivityCategory category(String name) {
        // no cause and no name in the message: the name is personal data
        return Arrays.stream(ActivityCategory.values()).filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("sealed personal data names an unknown activity category"));
    }

    private static String stored(String s) {
        return PlainText.withoutRefusedCharacters(s);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
