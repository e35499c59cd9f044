package nrw.komman.kernel.coordination;

import com.fasterxml.jackson.annotation.JsonCreator;
import nrw.komman.kernel.common.UuidIdentifier;

import java.util.UUID;

/** Identifies an issued confirmation of volunteering (Ehrenamtsnachweis); printed on it so that it can be verified. */
public record CertificateId(UUID value) implements UuidIdentifier {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public CertificateId {
        UuidIdentifier.require(value, "certificate", "Die Nummer des Ehrenamtsnachweises fehlt.");
    }

    public static CertificateId random() {
        return new CertificateId(UUID.randomUUID());
    }

    /** Parses the string form; a malformed one is a 400, not a 500. */
    public static CertificateId parse(String text) {
        return new CertificateId(UuidIdentifier.parse(text, "certificate"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
