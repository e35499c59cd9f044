package nrw.komman.kernel.common;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/**
 * An identifier that is a UUID (a volunteer, an activity, a grant). Records cannot share a base class, so
 * they share this: Jackson writes the bare UUID ({@code "6b1f0c52-…"}), the string form is the UUID (Axon
 * uses it as the aggregate identifier), and {@link #require} and {@link #parse} refuse a missing or
 * malformed one with a German message. Each record still overrides {@code toString} (an interface cannot)
 * and keeps its delegating {@code @JsonCreator} constructor.
 */
public interface UuidIdentifier {

    @JsonValue
    UUID value();

    /** The UUID itself, refused as missing ({@code <kind>.id.missing}) when null. */
    static UUID require(UUID value, String kind, String missingMessage) {
        if (value == null) {
            throw new InvalidInputException(kind + ".id.missing", missingMessage);
        }
        return value;
    }

    /** The string form as a UUID; a malformed one is a 400 ({@code <kind>.id.malformed}), not a 500. */
    static UUID parse(String text, String kind) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException(kind + ".id.malformed", "„" + text + "“ ist keine gültige Kennung.");
        }
    }
}
