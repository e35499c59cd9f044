package nrw.komman.web.account;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.AccountRole;

import java.time.Instant;

/**
 * An account as administrators see it: never the password hash.
 *
 * @param failedSignIns failed sign-ins with this name still counted, over all client addresses (ADR 24)
 * @param lockedUntil   the latest end of a block of this name from some client address (may lie in the past), or null
 */
public record Account(String username, AccountRole role, CentreId centreId, boolean enabled,
                      Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
                      Instant passwordChangedAt, int failedSignIns, Instant lockedUntil) {

    /** True while failed sign-ins block this name from at least one client address. */
    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
