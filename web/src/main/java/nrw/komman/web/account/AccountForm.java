package nrw.komman.web.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.common.AccountRole;

/** A new account. The password is never shown again, also not after an error. */
public class AccountForm {

    @NotBlank(message = "{ui.account.username.required}")
    @Size(max = 64, message = "{ui.too-long}")
    private String username;

    @NotBlank(message = "{ui.account.password.required}")
    @Size(max = 200, message = "{ui.too-long}")
    private String password;

    @NotNull(message = "{ui.account.role.required}")
    private AccountRole role;

    @Size(max = 8, message = "{ui.too-long}")
    private String centreId;

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public AccountRole getRole() { return role; }
    public void setRole(AccountRole role) { this.role = role; }
    public String getCentreId() { return centreId; }
    public void setCentreId(String centreId) { this.centreId = centreId; }
}
