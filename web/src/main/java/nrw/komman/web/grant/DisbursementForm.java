package nrw.komman.web.grant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;

/** A disbursed tranche (Auszahlung): the amount (German text) and the value date, today by default. */
public class DisbursementForm {

    @Size(max = 30, message = "{ui.too-long}")
    private String amount;

    @NotNull(message = "{ui.grant.disbursedOn.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate disbursedOn;

    public String getAmount() { return amount; }
    public void setAmount(String amount) { this.amount = amount; }
    public LocalDate getDisbursedOn() { return disbursedOn; }
    public void setDisbursedOn(LocalDate disbursedOn) { this.disbursedOn = disbursedOn; }
}
