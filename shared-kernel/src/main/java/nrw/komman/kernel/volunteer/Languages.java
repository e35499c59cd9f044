package nrw.komman.kernel.volunteer;

import nrw.komman.kernel.common.InvalidInputException;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Languages spoken, as codes: the two letters of ISO 639-1 ({@code ar}, {@code fa}, {@code uk}, {@code tr},
 * {@code de}) where a language has them, otherwise the three of ISO 639-3 for the languages refugees speak that
 * ISO 639-1 lacks ({@code prs} Dari, {@code kmr} Kurmanji, {@code ckb} Sorani, ...). A three-letter code of a
 * language that has two letters is stored as the two ({@code ara} → {@code ar}), so one language has one code.
 * Stored codes stay valid: this list only grows.
 */
public final class Languages {

    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

    /** ISO 639-3 codes of languages (or varieties) without an ISO 639-1 code that centres asked for. */
    public static final Set<String> ISO_639_3 = Set.of(
            "prs", // Dari
            "kmr", // Kurmanji (Northern Kurdish)
            "ckb", // Sorani (Central Kurdish)
            "sdh", // Southern Kurdish
            "zza", // Zazaki
            "haz", // Hazaragi
            "bal", // Baluchi
            "apc", // Levantine Arabic
            "arz", // Egyptian Arabic
            "acm", // Iraqi Arabic
            "apd", // Sudanese Arabic
            "ary", // Moroccan Arabic
            "aeb", // Tunisian Arabic
            "tig", // Tigre
            "aii", // Assyrian Neo-Aramaic
            "syr", // Syriac
            "rom", // Romani
            "kab"); // Kabyle

    /** The three-letter forms of two-letter codes (ara → ar, fas → fa, pus → ps, tir → ti). */
    private static final Map<String, String> TWO_LETTERS_OF = twoLettersOf();

    private Languages() {
    }

    /** Whether the code (lower case, as stored) names a language this platform knows. */
    public static boolean isKnown(String code) {
        return ISO_639_1.contains(code) || ISO_639_3.contains(code);
    }

    /** Every code a volunteer's languages may hold, two letters first where a language has them. */
    public static Set<String> all() {
        Set<String> all = new TreeSet<>(ISO_639_1);
        all.addAll(ISO_639_3);
        return all;
    }

    /** Validates and normalises to a sorted set of lower-case codes. */
    public static Set<String> normalise(Collection<String> codes) {
        Set<String> result = new TreeSet<>();
        if (codes == null) {
            return result;
        }
        if (codes.size() > 30) {
            throw new InvalidInputException("languages.too-many", "Höchstens 30 Sprachen angeben.");
        }
        for (String code : codes) {
            String c = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
            c = TWO_LETTERS_OF.getOrDefault(c, c);
            if (!isKnown(c)) {
                throw new InvalidInputException("languages.unknown",
                        "„" + (c.length() > 10 ? c.substring(0, 10) + "…" : c)
                                + "“ ist kein bekannter Sprachcode (ISO 639-1 wie ar, fa, uk oder ISO 639-3 wie prs, kmr, ckb).");
            }
            result.add(c);
        }
        return result;
    }

    private static Map<String, String> twoLettersOf() {
        Map<String, String> map = new HashMap<>();
        for (String two : ISO_639_1) {
            try {
                String three = Locale.forLanguageTag(two).getISO3Language();
                if (three.length() == 3 && !ISO_639_3.contains(three)) {
                    map.put(three, two);
                }
            } catch (java.util.MissingResourceException e) {
                // a code without a three-letter form: nothing to map
            }
        }
        return Map.copyOf(map);
    }
}
