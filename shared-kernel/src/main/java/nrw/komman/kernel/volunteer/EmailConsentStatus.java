package nrw.komman.kernel.volunteer;

import java.time.Instant;

/**
 * The consent to e-mail as recorded: never given (all null), given ({@code givenAt}, {@code version}), or given and
 * withdrawn since ({@code withdrawnAt}). A consent given again after a withdrawal is current again.
 */
public record EmailConsentStatus(VolunteerId volunteerId, String version, Instant givenAt, Instant withdrawnAt) {

    /** Whether the volunteer may be e-mailed as far as the consent goes. */
    public boolean current() {
        return givenAt != null && withdrawnAt == null;
    }
}
