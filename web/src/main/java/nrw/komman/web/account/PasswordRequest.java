package nrw.komman.web.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import static nrw.komman.web.platform.Messages.REQUIRED;
import static nrw.komman.web.platform.Messages.TOO_LONG;

/** @param password the new password, at least 12 characters */
public record PasswordRequest(@NotBlank(message = REQUIRED) @Size(max = 200, message = TOO_LONG) String password) {

    @Override
    public String toString() {
        return "PasswordRequest[***]";
    }
}
