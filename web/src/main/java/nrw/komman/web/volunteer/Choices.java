package nrw.komman.web.volunteer;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.web.platform.page.LanguageNames;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The choices the coordinator's forms and filters offer. */
public final class Choices {

    /**
     * Languages most often spoken in refugee help, as stored codes, offered as boxes to tick in this order; others
     * are chosen by name from the list of all ({@link LanguageNames#all}). Dari and the Kurdish languages have
     * ISO 639-3 codes only.
     */
    static final List<String> COMMON_LANGUAGES = List.of("de", "ar", "fa", "prs", "uk", "ru", "tr", "ku", "kmr", "ckb",
            "ps", "ti", "so", "am", "sq", "ro", "en", "fr");

    private Choices() {
    }

    /** Code → the language's name in the user's language (Arabisch, Persisch, Dari, …). */
    public static Map<String, String> languages(Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String code : COMMON_LANGUAGES) {
            names.put(code, LanguageNames.of(code, locale));
        }
        return names;
    }

    /** Every language by name, for the list to choose further languages from. */
    public static java.util.Collection<String> allLanguageNames(Locale locale) {
        return LanguageNames.all(locale).values();
    }

    public static List<ActivityCategory> categories() {
        return List.of(ActivityCategory.values());
    }
}
