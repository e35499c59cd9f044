package nrw.komman.web.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.common.AccountRole;

import static nrw.komman.web.platform.Messages.REQUIRED;
import static nrw.komman.web.platform.Messages.TOO_LONG;

/**
 * @param username 3 to 64 characters: a-z, digits, . _ @ -
 * @param password at least 12 characters
 * @param centreId the centre's key, for coordinators only
 */
public record CreateAccountRequest(
        @NotBlank(message = REQUIRED) @Size(max = 64, message = TOO_LONG) String username,
        @NotBlank(message = REQUIRED) @Size(max = 200, message = TOO_LONG) String password,
        @NotNull(message = REQUIRED) AccountRole role,
        @Size(max = 8, message = TOO_LONG) String centreId) {

    @Override
    public String toString() {
        return "CreateAccountRequest[" + username + ", " + role + ", " + centreId + "]"; // never the password
    }
}
