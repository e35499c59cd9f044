package nrw.komman.command.grant.audit;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical text of a JSON document, so that two serialisations of the same content hash alike:
 * object keys sorted (by UTF-16 code units, as RFC 8785 does), no whitespace, strings re-escaped in one
 * way (only {@code "}, {@code \} and control characters are escaped; {@code \u00e4} and {@code ä} are the
 * same string), numbers exactly as written ({@code 1.0} and {@code 1.00} differ: the serializer wrote
 * one of them, and a change of the literal is a change of the stored event).
 * <p>
 * A small strict parser of its own (RFC 8259), not Jackson: the command side has no JSON library at
 * compile scope, and a general-purpose parser would normalise numbers. Invalid UTF-8, invalid JSON,
 * duplicate keys and nesting deeper than {@value #MAX_DEPTH} are {@link Malformed}.
 * <p>Why this size: a complete strict parser and the canonical writer belong together; split, the rules of the canonical form would be spread over several files.
 */
public final class CanonicalJson {

    static final int MAX_DEPTH = 512;

    private CanonicalJson() {
    }

    /** The canonical text of a UTF-8 JSON document. */
    public static String canonical(byte[] utf8) {
        return write(parse(decode(utf8)));
    }

    /** The canonical text of a JSON document. */
    public static String canonical(String json) {
        return write(parse(json));
    }

    /**
     * Parses a document into plain values: {@code Map<String, Object>} (sorted), {@code List<Object>},
     * {@code String}, {@link JsonNumber} (the literal as written), {@code Boolean} and {@code null}.
     */
    public static Object parse(String json) {
        Parser parser = new Parser(json);
        parser.skipWhitespace();
        Object value = parser.value(0);
        parser.skipWhitespace();
        if (!parser.atEnd()) {
            throw parser.error("unexpected content after the document");
        }
        return value;
    }

    /** Strict UTF-8: a byte sequence that is not valid UTF-8 is not JSON. */
    public static String decode(byte[] utf8) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Malformed("not UTF-8: " + e.getMessage());
        }
    }

    /** Writes a parsed value (or a plain Java value of the kinds {@link #parse} returns) canonically. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    /** A JSON string literal of the text, escaped canonically. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        quote(text, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            quote(s, out);
        } else if (value instanceof JsonNumber n) {
            out.append(n.literal());
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put((String) k, v));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        unicodeEscape(c, out);
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        unicodeEscape(c, out); // a lone surrogate has no UTF-8 form: keep it distinguishable
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void unicodeEscape(char c, StringBuilder out) {
        out.append("\\u");
        String hex = Integer.toHexString(c);
        out.append("0".repeat(4 - hex.length())).append(hex);
    }

    /** A JSON number, kept as the literal that was written. */
    public record JsonNumber(String literal) {
    }

    /** The input is not a JSON document (or not UTF-8). */
    public static final class Malformed extends IllegalArgumentException {

        Malformed(String message) {
            super(message);
        }
    }

    private static final class Parser {

        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return pos >= text.length();
        }

        Malformed error(String what) {
            return new Malformed(what + " at offset " + pos);
        }

        void skipWhitespace() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    pos++;
                } else {
                    return;
                }
            }
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH) {
                throw error("nested too deeply");
            }
            if (atEnd()) {
                throw error("value expected");
            }
            char c = text.charAt(pos);
            return switch (c) {
                case '{' -> object(depth);
                case '[' -> array(depth);
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        yield number();
                    }
                    throw error("value expected");
                }
            };
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, pos)) {
                throw error("'" + word + "' expected");
            }
            pos += word.length();
            return value;
        }

        private Map<String, Object> object(int depth) {
            pos++; // {
            Map<String, Object> members = new TreeMap<>();
            skipWhitespace();
            if (!atEnd() && text.charAt(pos) == '}') {
                pos++;
                return members;
            }
            while (true) {
                skipWhitespace();
                if (atEnd() || text.charAt(pos) != '"') {
                    throw error("member name expected");
                }
                String key = string();
                skipWhitespace();
                expect(':');
                skipWhitespace();
                Object value = value(depth + 1);
                if (members.containsKey(key)) {
                    throw error("duplicate member name \"" + key + "\"");
                }
                members.put(key, value);
                skipWhitespace();
                if (atEnd()) {
                    throw error("'}' expected");
                }
                char c = text.charAt(pos++);
                if (c == '}') {
                    return members;
                }
                if (c != ',') {
                    pos--;
                    throw error("',' or '}' expected");
                }
            }
        }

        private List<Object> array(int depth) {
            pos++; // [
            List<Object> items = new ArrayList<>();
            skipWhitespace();
            if (!atEnd() && text.charAt(pos) == ']') {
                pos++;
                return items;
            }
            while (true) {
                skipWhitespace();
                items.add(value(depth + 1));
                skipWhitespace();
                if (atEnd()) {
                    throw error("']' expected");
                }
                char c = text.charAt(pos++);
                if (c == ']') {
                    return items;
                }
                if (c != ',') {
                    pos--;
                    throw error("',' or ']' expected");
                }
            }
        }

        private void expect(char c) {
            if (atEnd() || text.charAt(pos) != c) {
                throw error("'" + c + "' expected");
            }
            pos++;
        }

        private String string() {
            pos++; // opening quote
            StringBuilder s = new StringBuilder();
            while (true) {
                if (atEnd()) {
                    throw error("unterminated string");
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    return s.toString();
                }
                if (c < 0x20) {
                    pos--;
                    throw error("control character in string");
                }
                if (c != '\\') {
                    s.append(c);
                    continue;
                }
                if (atEnd()) {
                    throw error("unterminated escape");
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case '"' -> s.append('"');
                    case '\\' -> s.append('\\');
                    case '/' -> s.append('/');
                    case 'b' -> s.append('\b');
                    case 'f' -> s.append('\f');
                    case 'n' -> s.append('\n');
                    case 'r' -> s.append('\r');
                    case 't' -> s.append('\t');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw error("incomplete \\u escape");
                        }
                        int code = 0;
                        for (int i = 0; i < 4; i++) {
                            int digit = Character.digit(text.charAt(pos + i), 16);
                            if (digit < 0) {
                                throw error("invalid \\u escape");
                            }
                            code = code * 16 + digit;
                        }
                        pos += 4;
                        s.append((char) code);
                    }
                    default -> {
                        pos--;
                        throw error("invalid escape");
                    }
                }
            }
        }

        private JsonNumber number() {
            int start = pos;
            if (text.charAt(pos) == '-') {
                pos++;
            }
            if (atEnd()) {
                throw error("digit expected");
            }
            if (text.charAt(pos) == '0') {
                pos++;
            } else if (isDigit()) {
                while (isDigit()) {
                    pos++;
                }
            } else {
                throw error("digit expected");
            }
            if (!atEnd() && text.charAt(pos) == '.') {
                pos++;
                requireDigits();
            }
            if (!atEnd() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
                pos++;
                if (!atEnd() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                    pos++;
                }
                requireDigits();
            }
            return new JsonNumber(text.substring(start, pos));
        }

        private void requireDigits() {
            if (!isDigit()) {
                throw error("digit expected");
            }
            while (isDigit()) {
                pos++;
            }
        }

        private boolean isDigit() {
            return !atEnd() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9';
        }
    }
}
