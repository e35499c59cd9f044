package nrw.komman.web.account;

import jakarta.validation.constraints.Size;

/** An account's address and language for notices, as the administrator sets them (issue 19). */
public class ContactForm {

    @Size(max = AccountService.MAX_EMAIL_LENGTH, message = "{ui.too-long}")
    private String email;

    @Size(max = 2, message = "{ui.too-long}")
    private String language = AccountContact.GERMAN;

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
}
