package nrw.komman.kernel.volunteer;

import nrw.komman.kernel.common.InvalidInputException;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Languages spoken, as ISO 639-1 codes ({@code ar}, {@code fa}, {@code uk}, {@code tr}, {@code de}). */
public final class Languages {

    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

    private Languages() {
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
            if (!ISO_639_1.contains(c)) {
                throw new InvalidInputException("languages.unknown",
                        "„" + (c.length() > 10 ? c.substring(0, 10) + "…" : c) + "“ ist kein Sprachcode nach ISO 639-1 (z. B. ar, fa, uk, tr, de).");
            }
            result.add(c);
        }
        return result;
    }
}
