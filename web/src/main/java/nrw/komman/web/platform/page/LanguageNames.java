package nrw.komman.web.platform.page;

import nrw.komman.kernel.volunteer.Languages;

import java.text.Collator;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Languages as people name them: the stored codes ({@link Languages}) as names in German or English, and a name
 * (or a code) as typed back to its code. Coordinators never see a code: Java names the ISO 639-1 languages, this
 * class the ISO 639-3 ones Java does not know (Dari, Kurmanji, ...) and a few names people use differently.
 */
public final class LanguageNames {

    private static final Locale DE = Locale.GERMAN;

    /** Names Java lacks or gives in a form coordinators do not use; German and English. */
    private static final Map<String, List<String>> OWN = Map.ofEntries(
            Map.entry("prs", List.of("Dari", "Dari")),
            Map.entry("kmr", List.of("Kurdisch (Kurmandschi)", "Kurdish (Kurmanji)")),
            Map.entry("ckb", List.of("Kurdisch (Sorani)", "Kurdish (Sorani)")),
            Map.entry("sdh", List.of("Kurdisch (Südkurdisch)", "Kurdish (Southern)")),
            Map.entry("zza", List.of("Zazaki", "Zazaki")),
            Map.entry("haz", List.of("Hazaragi", "Hazaragi")),
            Map.entry("bal", List.of("Belutschisch", "Baluchi")),
            Map.entry("apc", List.of("Arabisch (Levante)", "Arabic (Levantine)")),
            Map.entry("arz", List.of("Arabisch (Ägypten)", "Arabic (Egyptian)")),
            Map.entry("acm", List.of("Arabisch (Irak)", "Arabic (Iraqi)")),
            Map.entry("apd", List.of("Arabisch (Sudan)", "Arabic (Sudanese)")),
            Map.entry("ary", List.of("Arabisch (Marokko)", "Arabic (Moroccan)")),
            Map.entry("aeb", List.of("Arabisch (Tunesien)", "Arabic (Tunisian)")),
            Map.entry("tig", List.of("Tigre", "Tigre")),
            Map.entry("aii", List.of("Assyrisch-Neuaramäisch", "Assyrian Neo-Aramaic")),
            Map.entry("syr", List.of("Syrisch (Aramäisch)", "Syriac")),
            Map.entry("rom", List.of("Romanes", "Romani")),
            Map.entry("kab", List.of("Kabylisch", "Kabyle")));

    private LanguageNames() {
    }

    /** The language's name: "prs" → "Dari", "ar" → "Arabisch"; a code nobody can name stays as it is. */
    public static String of(String code, Locale locale) {
        boolean german = locale == null || locale.getLanguage().equals("de");
        List<String> own = OWN.get(code);
        if (own != null) {
            return german ? own.get(0) : own.get(1);
        }
        String name = Locale.forLanguageTag(code).getDisplayLanguage(german ? DE : Locale.ENGLISH);
        return name.isBlank() ? code : name;
    }

    /** The names, sorted, joined: ["de", "prs"] → "Dari, Deutsch"; none → "". */
    public static String list(Collection<String> codes, Locale locale) {
        if (codes == null || codes.isEmpty()) {
            return "";
        }
        Locale in = locale == null ? DE : locale;
        return codes.stream().map(code -> of(code, in)).sorted(Collator.getInstance(in)).collect(Collectors.joining(", "));
    }

    /** Every language a volunteer may speak, code → name, sorted by name (for a list to choose from). */
    public static Map<String, String> all(Locale locale) {
        Locale in = locale == null ? DE : locale;
        Collator collator = Collator.getInstance(in);
        Map<String, String> all = new LinkedHashMap<>();
        Languages.all().stream()
                .filter(code -> !of(code, in).equals(code)) // a code Java cannot name is not offered
                .sorted((a, b) -> collator.compare(of(a, in), of(b, in)))
                .forEach(code -> all.put(code, of(code, in)));
        return all;
    }

    /**
     * The code of a language as typed: its German or English name (any case), or its code. Empty when it names no
     * language the platform knows.
     */
    public static Optional<String> code(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String t = typed.strip().replaceAll("\\s+", " ");
        for (String code : Languages.all()) {
            if (of(code, DE).equalsIgnoreCase(t) || of(code, Locale.ENGLISH).equalsIgnoreCase(t)) {
                return Optional.of(code);
            }
        }
        String lower = t.toLowerCase(Locale.ROOT);
        try {
            return Optional.of(Languages.normalise(List.of(lower)).iterator().next());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
