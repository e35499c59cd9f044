package nrw.komman.web.grant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.grant.AmendGrantCommand;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.web.platform.Ids;

import static nrw.komman.web.platform.Messages.REQUIRED;
import static nrw.komman.web.platform.Messages.TOO_LONG;

/** @param approvedAmount the new approved amount in euros as a decimal string */
public record AmendGrantRequest(
        @NotBlank(message = REQUIRED) @Size(max = 20, message = TOO_LONG) String approvedAmount,
        @NotBlank(message = REQUIRED) @Size(max = 4000, message = TOO_LONG) String reason) {

    public AmendGrantCommand toCommand(GrantId grantId) {
        return new AmendGrantCommand(grantId, Ids.money("approvedAmount", approvedAmount), reason);
    }
}
