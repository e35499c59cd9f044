package nrw.komman.kernel.volunteer;

import java.time.Instant;

/**
 * The consent as the registration event holds it (ADR 21): the document agreed to sealed under the volunteer's
 * key, since a free text attached to a volunteer may say more than its title; version and time stay plain (no
 * personal data, and what the consent history and the withdrawal rules need).
 *
 * @param document       the sealed text of {@link ConsentRecord#document()}; null in a row of revision 0
 * @param version        the version of the consent text, e.g. "2024-01"
 * @param givenAt        when the volunteer consented
 * @param legacyDocument the plain document of a revision-0 row (read through the upcaster); null in every event
 *                       written since, and in an old row once the volunteer is erased (redacted in place)
 */
public record SealedConsent(SealedText document, String version, Instant givenAt, String legacyDocument) {

    /** The consent of a command, its document sealed under the volunteer's key. */
    public static SealedConsent of(VolunteerId subject, ConsentRecord consent, PersonalDataVault vault) {
        return consent == null ? null
                : new SealedConsent(vault.sealText(subject, consent.document()), consent.version(), consent.givenAt(), null);
    }
}
