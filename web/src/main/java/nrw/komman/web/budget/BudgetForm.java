package nrw.komman.web.budget;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.grant.ProgrammePart;

/**
 * The ministry sets a budget: funding year, programme part, optionally one centre (its share of the
 * state-wide budget), the amount as typed (parsed by {@code GermanMoney}) and an optional reason.
 */
public class BudgetForm {

    @NotNull(message = "{ui.grant.fundingYear.required}")
    private Integer fundingYear;

    @NotNull(message = "{ui.grant.programmePart.required}")
    private ProgrammePart programmePart;

    @Size(max = 12, message = "{ui.too-long}")
    private String centreId;

    @Size(max = 30, message = "{ui.too-long}")
    private String amount;

    @Size(max = 4000, message = "{ui.too-long}")
    private String reason;

    public Integer getFundingYear() { return fundingYear; }
    public void setFundingYear(Integer fundingYear) { this.fundingYear = fundingYear; }
    public ProgrammePart getProgrammePart() { return programmePart; }
    public void setProgrammePart(ProgrammePart programmePart) { this.programmePart = programmePart; }
    public String getCentreId() { return centreId; }
    public void setCentreId(String centreId) { this.centreId = centreId; }
    public String getAmount() { return amount; }
    public void setAmount(String amount) { this.amount = amount; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
