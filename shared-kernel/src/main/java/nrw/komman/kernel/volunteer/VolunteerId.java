package nrw.komman.kernel.volunteer;

import com.fasterxml.jackson.annotation.JsonCreator;
import nrw.komman.kernel.common.UuidIdentifier;

import java.util.UUID;

/** Identifies a volunteer; a pseudonym that stays when personal data is erased. */
public record VolunteerId(UUID value) implements UuidIdentifier {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public VolunteerId {
        UuidIdentifier.require(value, "volunteer", "Die Kennung der/des Ehrenamtlichen fehlt.");
    }

    public static VolunteerId random() {
        return new VolunteerId(UUID.randomUUID());
    }

    /** Parses the string form; a malformed one is a 400, not a 500. */
    public static VolunteerId parse(String text) {
        return new VolunteerId(UuidIdentifier.parse(text, "volunteer"));
    }

    /** Axon uses the string form as the aggregate identifier in the event store. */
    @Override
    public String toString() {
        return value.toString();
    }
}
