package nrw.komman.web.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The problems for input that never reached a check because it could not be read: a body that is not JSON or does
 * not fit the request's form, and parameters of the wrong type. Each names the field and what it should look like,
 * in German, and shows the value as sent (shortened, without control characters). Part of {@link ProblemMapper}.
 */
final class UnreadableInput {

    private UnreadableInput() {
    }

    /** A body that could not be read: not JSON, an unknown field, a value of the wrong type or form. */
    static ProblemDetail body(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return ProblemMapper.problem(HttpStatus.BAD_REQUEST, "json.unknown-field", "Das Feld „" + field + "“ ist unbekannt.",
                    List.of(new FieldError(field, "ist unbekannt")));
        }
        if (cause instanceof InvalidFormatException format) {
            String field = path(format);
            String message = "„" + abbreviate(String.valueOf(format.getValue())) + "“ ist ungültig; erwartet wird "
                    + expected(format.getTargetType());
            return ProblemMapper.problem(HttpStatus.BAD_REQUEST, "json.invalid-value", "„" + field + "“: " + message + ".",
                    List.of(new FieldError(field, message)));
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            String message = "hat den falschen Typ; erwartet wird " + expected(mismatch.getTargetType());
            return ProblemMapper.problem(HttpStatus.BAD_REQUEST, "json.wrong-type", "„" + field + "“ " + message + ".",
                    List.of(new FieldError(field, message)));
        }
        if (notUtf8(ex)) {
            // raw bytes that are no UTF-8: never read as "?" or U+FFFD, refused like any malformed text (ADR 25)
            return ProblemMapper.problem(HttpStatus.BAD_REQUEST, "json.malformed-encoding",
                    "Der Inhalt der Anfrage ist nicht gültig in UTF-8 kodiert (ungültige Bytefolge). Bitte senden Sie ihn als UTF-8.");
        }
        if (cause instanceof StreamReadException || cause instanceof JsonProcessingException && !(cause instanceof JsonMappingException)) {
            return ProblemMapper.problem(HttpStatus.BAD_REQUEST, "json.malformed", "Der Inhalt der Anfrage ist kein gültiges JSON.");
        }
        if (cause == null && ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
            return ProblemMapper.problem(HttpStatus.BAD_REQUEST, "body.missing", "Der Inhalt der Anfrage fehlt.");
        }
        if (cause instanceof MismatchedInputException) { // e.g. an empty body or an array where an object belongs
            return ProblemMapper.problem(HttpStatus.BAD_REQUEST, "body.malformed",
                    "Der Inhalt der Anfrage fehlt oder hat nicht die erwartete Form (ein JSON-Objekt).");
        }
        return ProblemMapper.problem(HttpStatus.BAD_REQUEST, "body.unreadable", "Der Inhalt der Anfrage ist nicht lesbar.");
    }

    /** Jackson's word for bytes that are no UTF-8, wherever in the chain of causes (a record's creator wraps it). */
    private static boolean notUtf8(Throwable ex) {
        for (Throwable t = ex; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof java.io.CharConversionException
                    || t instanceof StreamReadException && String.valueOf(t.getMessage()).startsWith("Invalid UTF-8")) {
                return true;
            }
        }
        return false;
    }

    /** A parameter of the address or query that does not convert to its type. */
    static ProblemDetail parameter(TypeMismatchException ex) {
        String name = ex.getPropertyName() == null ? "?" : ex.getPropertyName();
        String message = "„" + abbreviate(shown(ex.getValue())) + "“ ist ungültig; erwartet wird "
                + expected(ex.getRequiredType());
        return ProblemMapper.problem(HttpStatus.BAD_REQUEST, "parameter.invalid", "Der Parameter „" + name + "“: " + message + ".",
                List.of(new FieldError(name, message)));
    }

    private static String path(JsonMappingException ex) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : ex.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "?" : sb.toString();
    }

    /** What a value of the type looks like, in German. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "ein anderer Wert";
        }
        if (type.isEnum()) {
            return "einer der Werte " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == LocalDate.class) {
            return "ein Datum im Format JJJJ-MM-TT (z. B. 2025-03-31)";
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return "ein Zeitpunkt nach ISO-8601 (z. B. 2025-03-31T10:15:00Z)";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "eine Zeitangabe nach ISO-8601";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "eine ganze Zahl";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true oder false";
        }
        if (type == UUID.class) {
            return "eine Kennung (UUID)";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "eine Liste";
        }
        if (type == String.class) {
            return "ein Text";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "eine Zahl";
        }
        return "ein Objekt";
    }

    /** A parameter's value as the client sent it: a repeated parameter arrives as an array, never shown as "[Ljava.lang.String;@…". */
    private static String shown(Object value) {
        if (value instanceof Object[] values) {
            return Arrays.stream(values).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return String.valueOf(value);
    }

    private static String abbreviate(String value) {
        String clean = value.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }
}
