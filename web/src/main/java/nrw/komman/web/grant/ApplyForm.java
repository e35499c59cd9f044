package nrw.komman.web.grant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.grant.ProgrammePart;

/**
 * The apply-for-a-grant form. The amount stays text so that what was typed ("12.500,00") comes back
 * on an error; it is parsed by {@code GermanMoney}. The funding year is checked by the kernel (range)
 * and the command side (not ended).
 */
public class ApplyForm {

    @NotNull(message = "{ui.grant.fundingYear.required}")
    private Integer fundingYear;

    @NotNull(message = "{ui.grant.programmePart.required}")
    private ProgrammePart programmePart;

    @NotBlank(message = "{ui.grant.title.required}")
    @Size(max = 200, message = "{ui.too-long}")
    private String title;

    @NotBlank(message = "{ui.grant.purpose.required}")
    @Size(max = 4000, message = "{ui.too-long}")
    private String purpose;

    @Size(max = 30, message = "{ui.too-long}")
    private String requestedAmount;

    public Integer getFundingYear() { return fundingYear; }
    public void setFundingYear(Integer fundingYear) { this.fundingYear = fundingYear; }
    public ProgrammePart getProgrammePart() { return programmePart; }
    public void setProgrammePart(ProgrammePart programmePart) { this.programmePart = programmePart; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getPurpose() { return purpose; }
    public void setPurpose(String purpose) { this.purpose = purpose; }
    public String getRequestedAmount() { return requestedAmount; }
    public void setRequestedAmount(String requestedAmount) { this.requestedAmount = requestedAmount; }
}
