package nrw.komman.kernel.activity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import nrw.komman.kernel.common.InvalidInputException;

import java.util.UUID;

/** Identifies one logged activity (Einsatz) of a volunteer. */
public record ActivityId(UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ActivityId {
        if (value == null) {
            throw new InvalidInputException("activity.id.missing", "Die Kennung des Einsatzes fehlt.");
        }
    }

    public static ActivityId random() {
        return new ActivityId(UUID.randomUUID());
    }

    /** Parses the string form; a malformed one is a 400, not a 500. */
    public static ActivityId parse(String text) {
        try {
            return new ActivityId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("activity.id.malformed", "„" + text + "“ ist keine gültige Kennung.");
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
