package nrw.komman.web.grant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.RequestFundsCommand;
import nrw.komman.web.platform.Ids;

import static nrw.komman.web.platform.Messages.REQUIRED;
import static nrw.komman.web.platform.Messages.TOO_LONG;

/** A Mittelabruf: @param amount euros as a decimal string; @param purpose what the money is needed for soon */
public record FundsRequestRequest(
        @NotBlank(message = REQUIRED) @Size(max = 20, message = TOO_LONG) String amount,
        @NotBlank(message = REQUIRED) @Size(max = 2000, message = TOO_LONG) String purpose) {

    public RequestFundsCommand toCommand(GrantId grantId) {
        return new RequestFundsCommand(grantId, Ids.money("amount", amount), purpose);
    }
}
