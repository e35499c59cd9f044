package nrw.komman.kernel.activity;

import com.fasterxml.jackson.annotation.JsonCreator;
import nrw.komman.kernel.common.UuidIdentifier;

import java.util.UUID;

/** Identifies one logged activity (Einsatz) of a volunteer. */
public record ActivityId(UUID value) implements UuidIdentifier {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ActivityId {
        UuidIdentifier.require(value, "activity", "Die Kennung des Einsatzes fehlt.");
    }

    public static ActivityId random() {
        return new ActivityId(UUID.randomUUID());
    }

    /** Parses the string form; a malformed one is a 400, not a 500. */
    public static ActivityId parse(String text) {
        return new ActivityId(UuidIdentifier.parse(text, "activity"));
    }

    /** Axon uses the string form as the aggregate identifier in the event store. */
    @Override
    public String toString() {
        return value.toString();
    }
}
