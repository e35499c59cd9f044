package nrw.komman.web.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import static nrw.komman.web.platform.Messages.REQUIRED;
import static nrw.komman.web.platform.Messages.TOO_LONG;

/**
 * @param currentPassword the password the account has now
 * @param newPassword     the new password, at least 12 characters
 */
public record OwnPasswordRequest(@NotBlank(message = REQUIRED) @Size(max = 200, message = TOO_LONG) String currentPassword,
                                 @NotBlank(message = REQUIRED) @Size(max = 200, message = TOO_LONG) String newPassword) {

    @Override
    public String toString() {
        return "OwnPasswordRequest[***]";
    }
}
