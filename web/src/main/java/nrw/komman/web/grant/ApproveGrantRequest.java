package nrw.komman.web.grant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.grant.ApproveGrantCommand;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.web.platform.Ids;

import java.time.LocalDate;

import static nrw.komman.web.platform.Messages.REQUIRED;
import static nrw.komman.web.platform.Messages.TOO_LONG;

/**
 * @param approvedAmount euros as a decimal string, not above the requested amount
 * @param usageReportDue the day the usage report is due (ISO-8601), after the end of the funding year; absent: the
 *                       programme part's default (issue 19)
 */
public record ApproveGrantRequest(
        @NotBlank(message = REQUIRED) @Size(max = 20, message = TOO_LONG) String approvedAmount,
        @Size(max = 4000, message = TOO_LONG) String note,
        LocalDate usageReportDue) {

    @com.fasterxml.jackson.annotation.JsonCreator
    public ApproveGrantRequest {
    }

    public ApproveGrantRequest(String approvedAmount, String note) {
        this(approvedAmount, note, null);
    }

    public ApproveGrantCommand toCommand(GrantId grantId) {
        return new ApproveGrantCommand(grantId, Ids.money("approvedAmount", approvedAmount), note, usageReportDue);
    }
}
