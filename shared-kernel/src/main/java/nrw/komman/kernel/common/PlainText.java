package nrw.komman.kernel.common;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.Set;

/**
 * The one rule for every text a person types (names, availability, notes, reasons, the consent's
 * document, grant texts, centre names): it comes out in Unicode NFC, and it carries nothing a reader
 * cannot see or that is not a character at all. {@link Guard} applies it to every command and value
 * record; the web's refusals come from there (ADR 25).
 *
 * <p>Refused as <em>invisible</em>: bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E,
 * U+200F, U+061C), zero-width characters (U+200B, U+2060, U+FEFF anywhere, and U+200C/U+200D outside
 * the scripts and emoji sequences that need them), every other format character (Unicode category
 * Cf: soft hyphen, invisible operators, interlinear annotations, tags outside an emoji flag), the
 * Hangul fillers, the combining grapheme joiner, the Khmer inherent vowels, and line and paragraph
 * separators. Refused as <em>malformed</em>: a lone surrogate (which a UTF-8 column would store as
 * "?"), the replacement character U+FFFD (what a decoder leaves of invalid bytes) and noncharacters.
 * Control characters other than tab, line feed and carriage return are refused as before.
 */
public final class PlainText {

    /** What is wrong with a text; {@code null} from {@link #fault} when nothing is. */
    public enum Fault {
        /** C0/C1 control characters other than tab, line feed and carriage return. */
        CONTROL,
        /** Characters a reader cannot see: bidirectional controls, zero-width and other format characters. */
        INVISIBLE,
        /** Not a character: a lone surrogate, U+FFFD, a noncharacter. */
        MALFORMED
    }

    /** Scripts whose spelling needs the zero-width (non-)joiner between two of their letters (Persian, Indic, ...). */
    private static final Set<UnicodeScript> JOINING_SCRIPTS = EnumSet.of(UnicodeScript.ARABIC, UnicodeScript.SYRIAC,
            UnicodeScript.NKO, UnicodeScript.MONGOLIAN, UnicodeScript.DEVANAGARI, UnicodeScript.BENGALI,
            UnicodeScript.GURMUKHI, UnicodeScript.GUJARATI, UnicodeScript.ORIYA, UnicodeScript.TAMIL,
            UnicodeScript.TELUGU, UnicodeScript.KANNADA, UnicodeScript.MALAYALAM, UnicodeScript.SINHALA,
            UnicodeScript.MYANMAR, UnicodeScript.KHMER, UnicodeScript.TIBETAN);

    private static final int ZWNJ = 0x200C;
    private static final int ZWJ = 0x200D;
    private static final int BLACK_FLAG = 0x1F3F4;
    private static final int VARIATION_SELECTOR_16 = 0xFE0F;

    private PlainText() {
    }

    /** The first fault of the text, or {@code null} when it is plain text. */
    public static Fault fault(String text) {
        if (text == null) {
            return null;
        }
        Fault found = null;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c)) {
                return Fault.MALFORMED; // a lone half of a pair: the worst fault, reported first
            }
            int cp = text.codePointAt(i);
            Fault f = faultOf(text, i, cp);
            if (f == Fault.MALFORMED) {
                return f;
            }
            if (found == null) {
                found = f;
            }
            i += Character.charCount(cp);
        }
        return found;
    }

    /** The text in NFC (a decomposed "é" becomes one character); call after {@link #fault} found nothing. */
    public static String normalized(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * A text stored before this rule existed, made readable under it: every refused character
     * removed (a lone surrogate was never stored: UTF-8 kept "?" instead), then NFC.
     */
    public static String withoutRefusedCharacters(String text) {
        if (text == null || fault(text) == null) {
            return normalized(text);
        }
        StringBuilder sb = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            boolean lone = Character.isHighSurrogate(c)
                    && (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c);
            int cp = lone ? c : text.codePointAt(i);
            if (!lone && faultOf(text, i, cp) == null) {
                sb.appendCodePoint(cp);
            }
            i += lone ? 1 : Character.charCount(cp);
        }
        return normalized(sb.toString());
    }

    private static Fault faultOf(String text, int index, int cp) {
        if (Character.isISOControl(cp)) {
            return cp == '\n' || cp == '\r' || cp == '\t' ? null : Fault.CONTROL;
        }
        if (cp == 0xFFFD || isNoncharacter(cp)) {
            return Fault.MALFORMED;
        }
        if (cp == ZWNJ || cp == ZWJ) {
            return joinerInContext(text, index, cp) ? null : Fault.INVISIBLE;
        }
        if (cp >= 0xE0020 && cp <= 0xE007F) { // tags: only inside an emoji flag such as England's (U+1F3F4 + tags)
            int before = text.codePointBefore(index);
            return before == BLACK_FLAG || before >= 0xE0020 && before <= 0xE007E ? null : Fault.INVISIBLE;
        }
        if (Character.getType(cp) == Character.FORMAT) {
            return Fault.INVISIBLE; // Cf: bidi controls, U+200B, U+2060, U+FEFF, U+00AD, U+2061–U+2064, ...
        }
        return switch (cp) {
            // default-ignorable code points outside Cf that render as nothing
            case 0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x3164, 0xFFA0, 0x2028, 0x2029 -> Fault.INVISIBLE;
            default -> null;
        };
    }

    /**
     * U+200C and U+200D are part of the spelling between two letters of a joining script (Persian
     * "می‌خواهم") and U+200D joins emoji (a family, a profession); anywhere else they only hide a difference.
     */
    private static boolean joinerInContext(String text, int index, int cp) {
        if (index == 0 || index + 1 >= text.length()) {
            return false;
        }
        int before = text.codePointBefore(index);
        int after = text.codePointAt(index + 1);
        if (JOINING_SCRIPTS.contains(UnicodeScript.of(before)) && UnicodeScript.of(before) == UnicodeScript.of(after)) {
            return true;
        }
        return cp == ZWJ && isEmojiPart(before) && Character.getType(after) == Character.OTHER_SYMBOL;
    }

    private static boolean isEmojiPart(int cp) {
        return Character.getType(cp) == Character.OTHER_SYMBOL || cp == VARIATION_SELECTOR_16
                || cp >= 0x1F3FB && cp <= 0x1F3FF; // skin tones
    }

    private static boolean isNoncharacter(int cp) {
        return cp >= 0xFDD0 && cp <= 0xFDEF || (cp & 0xFFFE) == 0xFFFE;
    }
}
