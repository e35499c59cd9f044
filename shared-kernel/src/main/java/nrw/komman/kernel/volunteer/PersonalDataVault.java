package nrw.komman.kernel.volunteer;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

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

    /**
     * The keys of these volunteers, looked up at once, to open many sealed values (a page of rows holding
     * ciphertext) without one key look-up per row. What belongs to a volunteer whose key is destroyed, or who
     * is not among {@code subjects}, opens to empty.
     */
    default Opener openerFor(Collection<VolunteerId> subjects) {
        Set<VolunteerId> known = Set.copyOf(subjects);
        return new Opener() {
            @Override
            public Optional<PersonalData> open(VolunteerId subject, SealedPersonalData sealed) {
                return known.contains(subject) ? PersonalDataVault.this.open(subject, sealed) : Optional.empty();
            }

            @Override
            public Optional<String> openText(VolunteerId subject, SealedText sealed) {
                return known.contains(subject) ? PersonalDataVault.this.openText(subject, sealed) : Optional.empty();
            }

            @Override
            public boolean hasKey(VolunteerId subject) {
                return known.contains(subject) && !isShredded(subject);
            }
        };
    }

    /** Opens sealed values with keys looked up once ({@link #openerFor}); holds the keys, so keep it no longer than a query. */
    interface Opener {

        Optional<PersonalData> open(VolunteerId subject, SealedPersonalData sealed);

        /** What matching needs of the data ({@link PersonalData#profileOf}); empty as {@link #open}. */
        default Optional<PersonalData.Profile> openProfile(VolunteerId subject, SealedPersonalData sealed) {
            return open(subject, sealed).map(PersonalData.Profile::of);
        }

        Optional<String> openText(VolunteerId subject, SealedText sealed);

        /** Whether the volunteer's key was found: false once it is destroyed. */
        boolean hasKey(VolunteerId subject);
    }
}
