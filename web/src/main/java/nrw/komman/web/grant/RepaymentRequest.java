package nrw.komman.web.grant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.RecordRepaymentCommand;
import nrw.komman.web.platform.Ids;

import java.time.LocalDate;

import static nrw.komman.web.platform.Messages.REQUIRED;
import static nrw.komman.web.platform.Messages.TOO_LONG;

/** @param amount euros as a decimal string, at most what is outstanding; @param receivedOn when it arrived */
public record RepaymentRequest(
        @NotBlank(message = REQUIRED) @Size(max = 20, message = TOO_LONG) String amount,
        @NotNull(message = REQUIRED) LocalDate receivedOn) {

    public RecordRepaymentCommand toCommand(GrantId grantId) {
        return new RecordRepaymentCommand(grantId, Ids.money("amount", amount), receivedOn);
    }
}
