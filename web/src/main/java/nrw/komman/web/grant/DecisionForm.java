package nrw.komman.web.grant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;

/**
 * The ministry's decision: approve with an amount (text, parsed by {@code GermanMoney}; the command
 * side checks it is not above the requested amount), the day the usage report is due (prefilled with the programme
 * part's default; empty: the default) and an optional note, or reject with a reason.
 */
public class DecisionForm {

    public enum Decision { APPROVE, REJECT }

    @NotNull(message = "{ui.grant.decision.required}")
    private Decision decision;

    @Size(max = 30, message = "{ui.too-long}")
    private String approvedAmount;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate usageReportDue;

    @Size(max = 4000, message = "{ui.too-long}")
    private String note;

    public Decision getDecision() { return decision; }
    public void setDecision(Decision decision) { this.decision = decision; }
    public String getApprovedAmount() { return approvedAmount; }
    public void setApprovedAmount(String approvedAmount) { this.approvedAmount = approvedAmount; }
    public LocalDate getUsageReportDue() { return usageReportDue; }
    public void setUsageReportDue(LocalDate usageReportDue) { this.usageReportDue = usageReportDue; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
