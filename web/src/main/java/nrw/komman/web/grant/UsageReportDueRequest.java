package nrw.komman.web.grant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.grant.ExtendUsageReportDueCommand;
import nrw.komman.kernel.grant.GrantId;

import java.time.LocalDate;

import static nrw.komman.web.platform.Messages.REQUIRED;
import static nrw.komman.web.platform.Messages.TOO_LONG;

/** A new due date for the usage report: @param dueOn ISO-8601; @param reason why (required). */
public record UsageReportDueRequest(
        @NotNull(message = REQUIRED) LocalDate dueOn,
        @NotBlank(message = REQUIRED) @Size(max = 4000, message = TOO_LONG) String reason) {

    public ExtendUsageReportDueCommand toCommand(GrantId grantId) {
        return new ExtendUsageReportDueCommand(grantId, dueOn, reason);
    }
}
