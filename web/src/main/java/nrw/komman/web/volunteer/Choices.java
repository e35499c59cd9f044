package nrw.komman.web.volunteer;

import nrw.komman.kernel.activity.ActivityCategory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The choices the coordinator's forms and filters offer. */
public final class Choices {

    /** Languages most often spoken by volunteers in refugee help, as ISO 639-1 codes; others can be typed. */
    static final List<String> COMMON_LANGUAGES = List.of("de", "ar", "fa", "uk", "tr", "ru", "ku", "ps", "ti", "so", "en", "fr");

    private Choices() {
    }

    /** Code → the language's name in the user's language (Arabisch, Persisch, …). */
    static Map<String, String> languages(Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String code : COMMON_LANGUAGES) {
            names.put(code, Locale.forLanguageTag(code).getDisplayLanguage(locale));
        }
        return names;
    }

    public static List<ActivityCategory> categories() {
        return List.of(ActivityCategory.values());
    }
}
