package nrw.komman.web.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The owner's new password, with the current one as proof. */
public class OwnPasswordForm {

    @NotBlank(message = "{ui.own-password.current.required}")
    @Size(max = 200, message = "{ui.too-long}")
    private String currentPassword;

    @NotBlank(message = "{ui.account.password.required}")
    @Size(max = 200, message = "{ui.too-long}")
    private String password;

    public String getCurrentPassword() { return currentPassword; }
    public void setCurrentPassword(String currentPassword) { this.currentPassword = currentPassword; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
}
