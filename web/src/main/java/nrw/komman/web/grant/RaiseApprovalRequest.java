package nrw.komman.web.grant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.grant.ApproveGrantRaiseCommand;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.web.platform.Ids;

import static nrw.komman.web.platform.Messages.REQUIRED;
import static nrw.komman.web.platform.Messages.TOO_LONG;

/** @param proposedAmount the raised amount being approved, in euros as a decimal string, as the approving person saw it */
public record RaiseApprovalRequest(@NotBlank(message = REQUIRED) @Size(max = 20, message = TOO_LONG) String proposedAmount) {

    public ApproveGrantRaiseCommand toCommand(GrantId grantId) {
        return new ApproveGrantRaiseCommand(grantId, Ids.money("proposedAmount", proposedAmount));
    }
}
