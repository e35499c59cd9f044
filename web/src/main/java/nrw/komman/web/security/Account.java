package nrw.komman.web.security;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Role;

import java.time.Instant;

/** An account as administrators see it: never the password hash. */
public record Account(String username, Role role, CentreId centreId, boolean enabled,
                      Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
                      Instant passwordChangedAt) {
}
