package nrw.komman.web.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new password for an account. */
public class PasswordForm {

    @NotBlank(message = "{ui.account.password.required}")
    @Size(max = 200, message = "{ui.too-long}")
    private String password;

    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
}
