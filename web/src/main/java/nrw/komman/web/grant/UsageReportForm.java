package nrw.komman.web.grant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The usage report (Verwendungsnachweis): the amount spent (German text), the narrative report and
 * the number of volunteers reached. It can be submitted only once, so the page asks for a
 * confirmation first: {@code step} is empty on the form, {@code confirm} on the confirmation page's
 * "submit" button and {@code change} on its "change" button.
 */
public class UsageReportForm {

    @Size(max = 30, message = "{ui.too-long}")
    private String amountSpent;

    @NotBlank(message = "{ui.grant.report.required}")
    @Size(max = 20000, message = "{ui.too-long}")
    private String report;

    @NotNull(message = "{ui.grant.volunteersReached.required}")
    private Integer volunteersReached;

    private String step;

    public String getAmountSpent() { return amountSpent; }
    public void setAmountSpent(String amountSpent) { this.amountSpent = amountSpent; }
    public String getReport() { return report; }
    public void setReport(String report) { this.report = report; }
    public Integer getVolunteersReached() { return volunteersReached; }
    public void setVolunteersReached(Integer volunteersReached) { this.volunteersReached = volunteersReached; }
    public String getStep() { return step; }
    public void setStep(String step) { this.step = step; }

    public boolean confirmed() {
        return "confirm".equals(step);
    }

    public boolean changing() {
        return "change".equals(step);
    }
}
