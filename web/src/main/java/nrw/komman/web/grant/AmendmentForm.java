package nrw.komman.web.grant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The ministry's amendment (Änderungsbescheid): the new approved amount as typed (parsed by
 * {@code GermanMoney}) and the reason. Whether the amount fits (requested amount, disbursed amount,
 * budget) the command side decides.
 */
public class AmendmentForm {

    @Size(max = 30, message = "{ui.too-long}")
    private String approvedAmount;

    @NotBlank(message = "{ui.grant.amendment-reason.required}")
    @Size(max = 4000, message = "{ui.too-long}")
    private String reason;

    public String getApprovedAmount() { return approvedAmount; }
    public void setApprovedAmount(String approvedAmount) { this.approvedAmount = approvedAmount; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
