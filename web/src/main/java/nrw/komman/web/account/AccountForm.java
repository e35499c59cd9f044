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

    /** The address for notices (issue 19); empty: none, the inbox only. Checked by {@link AccountService#checkContact}. */
    @Size(max = AccountService.MAX_EMAIL_LENGTH, message = "{ui.too-long}")
    private String email;

    /** The language of the account's notices: de or en. */
    @Size(max = 2, message = "{ui.too-long}")
    private String language = AccountContact.GERMAN;

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public AccountRole getRole() { return role; }
    public void setRole(AccountRole role) { this.role = role; }
    public String getCentreId() { return centreId; }
    public void setCentreId(String centreId) { this.centreId = centreId; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
}
