package nrw.komman.kernel.grant;

import com.fasterxml.jackson.annotation.JsonCreator;
import nrw.komman.kernel.common.UuidIdentifier;

import java.util.UUID;

/** Identifies one grant (Zuwendung), from application to closing. */
public record GrantId(UUID value) implements UuidIdentifier {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public GrantId {
        UuidIdentifier.require(value, "grant", "Die Kennung der Zuwendung fehlt.");
    }

    public static GrantId random() {
        return new GrantId(UUID.randomUUID());
    }

    /** Parses the string form; a malformed one is a 400, not a 500. */
    public static GrantId parse(String text) {
        return new GrantId(UuidIdentifier.parse(text, "grant"));
    }

    /** Axon uses the string form as the aggregate identifier in the event store. */
    @Override
    public String toString() {
        return value.toString();
    }
}
