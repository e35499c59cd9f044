package nrw.komman.kernel.coordination;

import com.fasterxml.jackson.annotation.JsonCreator;
import nrw.komman.kernel.common.UuidIdentifier;

import java.util.UUID;

/** Identifies one volunteer's assignment to a request for help. */
public record AssignmentId(UUID value) implements UuidIdentifier {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public AssignmentId {
        UuidIdentifier.require(value, "assignment", "Die Kennung des geplanten Einsatzes fehlt.");
    }

    public static AssignmentId random() {
        return new AssignmentId(UUID.randomUUID());
    }

    /** Parses the string form; a malformed one is a 400, not a 500. */
    public static AssignmentId parse(String text) {
        return new AssignmentId(UuidIdentifier.parse(text, "assignment"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
