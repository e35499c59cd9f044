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
 * @param email    the address for notices (issue 19); none: the inbox only
 * @param language the language of the account's notices, de (none given) or en
 */
public record CreateAccountRequest(
        @NotBlank(message = REQUIRED) @Size(max = 64, message = TOO_LONG) String username,
        @NotBlank(message = REQUIRED) @Size(max = 200, message = TOO_LONG) String password,
        @NotNull(message = REQUIRED) AccountRole role,
        @Size(max = 8, message = TOO_LONG) String centreId,
        @Size(max = AccountService.MAX_EMAIL_LENGTH, message = TOO_LONG) String email,
        @Size(max = 2, message = TOO_LONG) String language) {

    /** An account without an address for notices, in German. */
    public CreateAccountRequest(String username, String password, AccountRole role, String centreId) {
        this(username, password, role, centreId, null, null);
    }

    @Override
    public String toString() {
        return "CreateAccountRequest[" + username + ", " + role + ", " + centreId + "]"; // never the password
    }
}
