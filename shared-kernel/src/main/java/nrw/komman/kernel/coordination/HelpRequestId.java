package nrw.komman.kernel.coordination;

import com.fasterxml.jackson.annotation.JsonCreator;
import nrw.komman.kernel.common.UuidIdentifier;

import java.util.UUID;

/** Identifies a request for help (Einsatzanfrage); also the data subject id under which the requester's personal data is sealed. */
public record HelpRequestId(UUID value) implements UuidIdentifier {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public HelpRequestId {
        UuidIdentifier.require(value, "help-request", "Die Kennung der Einsatzanfrage fehlt.");
    }

    public static HelpRequestId random() {
        return new HelpRequestId(UUID.randomUUID());
    }

    /** Parses the string form; a malformed one is a 400, not a 500. */
    public static HelpRequestId parse(String text) {
        return new HelpRequestId(UuidIdentifier.parse(text, "help-request"));
    }

    /**
     * The data subject under which the requester's personal data is sealed: the key ring keys subjects by UUID, so
     * the request's own id gives the requester a key of their own, destroyed when their data is erased.
     */
    public nrw.komman.kernel.volunteer.VolunteerId subject() {
        return new nrw.komman.kernel.volunteer.VolunteerId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
