package nrw.komman.web.notification;

import jakarta.validation.constraints.Size;
import nrw.komman.web.account.AccountContact;
import nrw.komman.web.account.AccountService;

import java.util.LinkedHashMap;
import java.util.Map;

/** The account's own notice settings as the form posts them: {@code deliveries[GRANT_APPROVED]=OFF} per kind. */
public class NoticeSettingsForm {

    @Size(max = AccountService.MAX_EMAIL_LENGTH, message = "{ui.too-long}")
    private String email;

    @Size(max = 2, message = "{ui.too-long}")
    private String language = AccountContact.GERMAN;

    private Map<String, String> deliveries = new LinkedHashMap<>();

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
    public Map<String, String> getDeliveries() { return deliveries; }
    public void setDeliveries(Map<String, String> deliveries) { this.deliveries = deliveries; }
}
