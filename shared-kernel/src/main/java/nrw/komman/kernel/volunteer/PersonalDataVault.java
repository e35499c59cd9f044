package nrw.komman.kernel.volunteer;

import java.util.Optional;

/**
 * Seals and opens volunteers' personal data with a key per volunteer. Once a volunteer's key is
 * {@linkplain #shred destroyed}, everything sealed under it opens to {@link Optional#empty()}: the
 * volunteer reads as erased everywhere, in live processing and in every replay.
 */
public interface PersonalDataVault {

    SealedPersonalData seal(VolunteerId subject, PersonalData data);

    Optional<PersonalData> open(VolunteerId subject, SealedPersonalData sealed);

    SealedText sealText(VolunteerId subject, String text);

    Optional<String> openText(VolunteerId subject, SealedText sealed);

    /** Destroys the volunteer's key. Irreversible. */
    void shred(VolunteerId subject);

    boolean isShredded(VolunteerId subject);
}
