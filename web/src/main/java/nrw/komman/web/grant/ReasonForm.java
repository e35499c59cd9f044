package nrw.komman.web.grant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an application is withdrawn. */
public class ReasonForm {

    @NotBlank(message = "{ui.grant.reason.required}")
    @Size(max = 4000, message = "{ui.too-long}")
    private String reason;

    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
