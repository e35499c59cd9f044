package nrw.komman.kernel.grant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import nrw.komman.kernel.common.InvalidInputException;

import java.util.UUID;

/** Identifies one grant (Zuwendung), from application to closing. */
public record GrantId(UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public GrantId {
        if (value == null) {
            throw new InvalidInputException("grant.id.missing", "Die Kennung der Zuwendung fehlt.");
        }
    }

    public static GrantId random() {
        return new GrantId(UUID.randomUUID());
    }

    /** Parses the string form; a malformed one is a 400, not a 500. */
    public static GrantId parse(String text) {
        try {
            return new GrantId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("grant.id.malformed", "„" + text + "“ ist keine gültige Kennung.");
        }
    }

    @JsonValue
    @Override
    public UUID value() {
        return value;
    }

    /** Axon uses the string form as the aggregate identifier in the event store. */
    @Override
    public String toString() {
        return value.toString();
    }
}
