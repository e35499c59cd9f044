package nrw.komman.web.grant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.grant.DisburseTrancheCommand;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.web.platform.Ids;

import java.time.LocalDate;

import static nrw.komman.web.platform.Messages.REQUIRED;
import static nrw.komman.web.platform.Messages.TOO_LONG;

/** @param amount euros as a decimal string; @param disbursedOn value date (ISO-8601), not in the future */
public record DisbursementRequest(
        @NotBlank(message = REQUIRED) @Size(max = 20, message = TOO_LONG) String amount,
        @NotNull(message = REQUIRED) LocalDate disbursedOn) {

    public DisburseTrancheCommand toCommand(GrantId grantId) {
        return new DisburseTrancheCommand(grantId, Ids.money("amount", amount), disbursedOn);
    }
}
