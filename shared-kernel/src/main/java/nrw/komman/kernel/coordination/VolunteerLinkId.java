package nrw.komman.kernel.coordination;

import com.fasterxml.jackson.annotation.JsonCreator;
import nrw.komman.kernel.common.UuidIdentifier;

import java.util.UUID;

/** Identifies one personal link issued to a volunteer (not the secret token, which is never stored). */
public record VolunteerLinkId(UUID value) implements UuidIdentifier {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public VolunteerLinkId {
        UuidIdentifier.require(value, "volunteer-link", "Die Kennung des persönlichen Links fehlt.");
    }

    public static VolunteerLinkId random() {
        return new VolunteerLinkId(UUID.randomUUID());
    }

    /** Parses the string form; a malformed one is a 400, not a 500. */
    public static VolunteerLinkId parse(String text) {
        return new VolunteerLinkId(UuidIdentifier.parse(text, "volunteer-link"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
