package nrw.komman.kernel.volunteer;

import nrw.komman.kernel.common.Guard;

import java.time.Instant;

/**
 * The volunteer's consent to data processing: what was agreed to, in which version, and when.
 *
 * @param document the consent text agreed to, e.g. "Einwilligung Datenverarbeitung Ehrenamtskoordination"
 * @param version  the version of that text, e.g. "2024-01"
 * @param givenAt  when the volunteer consented
 */
public record ConsentRecord(String document, String version, Instant givenAt) {

    public ConsentRecord {
        document = Guard.text(document, "consent.document", "Die Einwilligungserklärung", 200);
        version = Guard.text(version, "consent.version", "Die Version der Einwilligung", 40);
        Guard.required(givenAt, "consent.givenAt", "Der Zeitpunkt der Einwilligung");
    }
}
