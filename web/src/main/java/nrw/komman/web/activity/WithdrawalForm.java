package nrw.komman.web.activity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an activity logged by mistake is withdrawn. */
public class WithdrawalForm {

    @NotBlank(message = "{ui.activity.withdrawal-reason.required}")
    @Size(max = 500, message = "{ui.too-long}")
    private String reason;

    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
