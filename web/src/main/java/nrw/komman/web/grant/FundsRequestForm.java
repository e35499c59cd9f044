package nrw.komman.web.grant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The centre's Mittelabruf: the amount needed soon (German text, parsed by {@code GermanMoney}) and what it is for. */
public class FundsRequestForm {

    @Size(max = 30, message = "{ui.too-long}")
    private String amount;

    @NotBlank(message = "{ui.grant.funds-purpose.required}")
    @Size(max = 2000, message = "{ui.too-long}")
    private String purpose;

    public String getAmount() { return amount; }
    public void setAmount(String amount) { this.amount = amount; }
    public String getPurpose() { return purpose; }
    public void setPurpose(String purpose) { this.purpose = purpose; }
}
