package nrw.komman.web.grant;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.grant.ApplyForGrantCommand;
import nrw.komman.kernel.grant.FundingYear;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.web.platform.Ids;
import nrw.komman.web.platform.StrictIntegerDeserializer;

import static nrw.komman.web.platform.Messages.AT_LEAST;
import static nrw.komman.web.platform.Messages.AT_MOST;
import static nrw.komman.web.platform.Messages.REQUIRED;
import static nrw.komman.web.platform.Messages.TOO_LONG;

/**
 * @param centreId        the applying centre; the coordinator's own centre when absent
 * @param requestedAmount euros as a decimal string, e.g. "12500.00"
 */
public record ApplyForGrantRequest(
        @Size(max = 8, message = TOO_LONG) String centreId,
        @NotNull(message = REQUIRED) @Min(value = FundingYear.FIRST, message = AT_LEAST)
        @Max(value = FundingYear.LAST, message = AT_MOST)
        @JsonDeserialize(using = StrictIntegerDeserializer.class) Integer fundingYear,
        @NotNull(message = REQUIRED) ProgrammePart programmePart,
        @NotBlank(message = REQUIRED) @Size(max = 200, message = TOO_LONG) String title,
        @NotBlank(message = REQUIRED) @Size(max = 4000, message = TOO_LONG) String purpose,
        @NotBlank(message = REQUIRED) @Size(max = 20, message = TOO_LONG) String requestedAmount) {

    public ApplyForGrantCommand toCommand(GrantId grantId, CentreId centre) {
        return new ApplyForGrantCommand(grantId, centre, fundingYear == null ? 0 : fundingYear, programmePart, title, purpose,
                Ids.money("requestedAmount", requestedAmount));
    }
}
