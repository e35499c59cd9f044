package nrw.komman.kernel.volunteer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import nrw.komman.kernel.common.InvalidInputException;

import java.util.UUID;

/** Identifies a volunteer; a pseudonym that stays when personal data is erased. */
public record VolunteerId(UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public VolunteerId {
        if (value == null) {
            throw new InvalidInputException("volunteer.id.missing", "Die Kennung der/des Ehrenamtlichen fehlt.");
        }
    }

    public static VolunteerId random() {
        return new VolunteerId(UUID.randomUUID());
    }

    /** Parses the string form; a malformed one is a 400, not a 500. */
    public static VolunteerId parse(String text) {
        try {
            return new VolunteerId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("volunteer.id.malformed", "„" + text + "“ ist keine gültige Kennung.");
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
