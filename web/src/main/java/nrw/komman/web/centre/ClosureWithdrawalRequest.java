package nrw.komman.web.centre;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.WithdrawCentreClosureCommand;

import static nrw.komman.web.platform.Messages.REQUIRED;
import static nrw.komman.web.platform.Messages.TOO_LONG;

/** Why a proposal to close a centre is withdrawn. */
public record ClosureWithdrawalRequest(@NotBlank(message = REQUIRED) @Size(max = 2000, message = TOO_LONG) String reason) {

    public WithdrawCentreClosureCommand toCommand(CentreId centreId) {
        return new WithdrawCentreClosureCommand(centreId, reason);
    }
}
