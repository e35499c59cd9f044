package nrw.komman.web.account;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.AccountRole;

import java.time.Instant;

/**
 * An account as administrators see it: never the password hash.
 *
 * @param failedSignIns failed sign-ins in the current counting window
 * @param lockedUntil   the end of a lockout after failed sign-ins (may lie in the past), or null
 */
public record Account(String username, AccountRole role, CentreId centreId, boolean enabled,
                      Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
                      Instant passwordChangedAt, int failedSignIns, Instant lockedUntil) {

    /** True while a lockout after failed sign-ins lasts. */
    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
