package nrw.komman.web.grant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.RejectGrantCommand;
import nrw.komman.kernel.grant.WithdrawGrantApplicationCommand;
import nrw.komman.kernel.grant.WithdrawGrantRaiseCommand;

import static nrw.komman.web.platform.Messages.REQUIRED;
import static nrw.komman.web.platform.Messages.TOO_LONG;

/** Why a grant is rejected, an application withdrawn or a pending raise withdrawn. */
public record ReasonRequest(@NotBlank(message = REQUIRED) @Size(max = 4000, message = TOO_LONG) String reason) {

    public RejectGrantCommand toRejection(GrantId grantId) {
        return new RejectGrantCommand(grantId, reason);
    }

    public WithdrawGrantApplicationCommand toWithdrawal(GrantId grantId) {
        return new WithdrawGrantApplicationCommand(grantId, reason);
    }

    public WithdrawGrantRaiseCommand toRaiseWithdrawal(GrantId grantId) {
        return new WithdrawGrantRaiseCommand(grantId, reason);
    }
}
