package nrw.komman.web.grant;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.SubmitUsageReportCommand;
import nrw.komman.web.platform.Ids;
import nrw.komman.web.platform.StrictIntegerDeserializer;

import static nrw.komman.web.platform.Messages.REQUIRED;
import static nrw.komman.web.platform.Messages.TOO_LONG;

/**
 * The Verwendungsnachweis: @param amountSpent euros as a decimal string, at most what was disbursed;
 * @param report the narrative report; @param volunteersReached how many volunteers the measure reached
 */
public record UsageReportRequest(
        @NotBlank(message = REQUIRED) @Size(max = 20, message = TOO_LONG) String amountSpent,
        @NotBlank(message = REQUIRED) @Size(max = 20000, message = TOO_LONG) String report,
        @NotNull(message = REQUIRED) @Min(value = 0, message = "darf nicht negativ sein")
        @Max(value = 1_000_000, message = "ist unplausibel hoch")
        @JsonDeserialize(using = StrictIntegerDeserializer.class) Integer volunteersReached) {

    public SubmitUsageReportCommand toCommand(GrantId grantId) {
        return new SubmitUsageReportCommand(grantId, Ids.money("amountSpent", amountSpent), report,
                volunteersReached == null ? 0 : volunteersReached);
    }
}
