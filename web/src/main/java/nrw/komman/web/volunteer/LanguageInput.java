package nrw.komman.web.volunteer;

import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.volunteer.Languages;
import nrw.komman.web.platform.page.LanguageNames;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The languages of the volunteer forms: the ticked common ones (codes) plus the "further languages" typed by name
 * ("Dari, Amharisch"), chosen from a list of names; old habits (a code such as "ku") still work.
 */
public final class LanguageInput {

    private LanguageInput() {
    }

    /** The codes; a typed name that names no known language is refused and said at the field. */
    public static Set<String> codes(Set<String> ticked, String typed) {
        Set<String> all = new TreeSet<>(ticked == null ? Set.of() : ticked);
        for (String part : parts(typed)) {
            all.add(LanguageNames.code(part).orElseThrow(() -> new InvalidInputException("languages.unknown-name",
                    "„" + (part.length() > 30 ? part.substring(0, 30) + "…" : part)
                            + "“ kennen wir nicht als Sprache. Bitte Namen aus der Liste wählen, z. B. „Dari“ oder „Tigrinya“.")));
        }
        return all;
    }

    /** The kernel's check of the codes, for the form's one answer (ADR 29). */
    public static void check(Set<String> ticked, String typed) {
        Languages.normalise(codes(ticked, typed));
    }

    /** The codes that are not ticked boxes, as names for the "further languages" field: "Amharisch, Dari". */
    static String furtherNames(Collection<String> codes, Locale locale) {
        return LanguageNames.list(codes.stream().filter(c -> !Choices.COMMON_LANGUAGES.contains(c)).toList(), locale);
    }

    /** Names are separated by commas or semicolons (a name may have spaces: "Kurdisch (Sorani)"). */
    private static List<String> parts(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return Arrays.stream(typed.split("[,;]+")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toList());
    }
}
