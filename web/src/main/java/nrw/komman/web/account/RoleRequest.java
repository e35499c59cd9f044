package nrw.komman.web.account;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.common.AccountRole;

import static nrw.komman.web.platform.Messages.REQUIRED;
import static nrw.komman.web.platform.Messages.TOO_LONG;

/**
 * @param role     the account's new role
 * @param centreId the centre's key, for coordinators only
 */
public record RoleRequest(@NotNull(message = REQUIRED) AccountRole role,
                          @Size(max = 8, message = TOO_LONG) String centreId) {
}
