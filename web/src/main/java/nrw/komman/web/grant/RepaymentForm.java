package nrw.komman.web.grant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;

/** A repayment received on a closed grant's repayment demand: the amount (German text) and the day it arrived. */
public class RepaymentForm {

    @Size(max = 30, message = "{ui.too-long}")
    private String amount;

    @NotNull(message = "{ui.grant.receivedOn.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate receivedOn;

    public String getAmount() { return amount; }
    public void setAmount(String amount) { this.amount = amount; }
    public LocalDate getReceivedOn() { return receivedOn; }
    public void setReceivedOn(LocalDate receivedOn) { this.receivedOn = receivedOn; }
}
