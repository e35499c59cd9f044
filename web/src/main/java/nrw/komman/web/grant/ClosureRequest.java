package nrw.komman.web.grant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.grant.CloseGrantCommand;
import nrw.komman.kernel.grant.GrantId;

import static nrw.komman.web.platform.Messages.REQUIRED;
import static nrw.komman.web.platform.Messages.TOO_LONG;

/** @param checkNote the result of checking the usage report; the reason of any repayment demand */
public record ClosureRequest(@NotBlank(message = REQUIRED) @Size(max = 4000, message = TOO_LONG) String checkNote) {

    public CloseGrantCommand toCommand(GrantId grantId) {
        return new CloseGrantCommand(grantId, checkNote);
    }
}
