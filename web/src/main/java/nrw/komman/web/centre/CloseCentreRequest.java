package nrw.komman.web.centre;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.CloseCentreCommand;

import java.time.LocalDate;

import static nrw.komman.web.platform.Messages.REQUIRED;
import static nrw.komman.web.platform.Messages.TOO_LONG;

/** @param closedOn today when absent */
public record CloseCentreRequest(
        LocalDate closedOn,
        @NotBlank(message = REQUIRED) @Size(max = 2000, message = TOO_LONG) String reason) {

    public CloseCentreCommand toCommand(CentreId centreId, LocalDate today) {
        return new CloseCentreCommand(centreId, closedOn == null ? today : closedOn, reason);
    }
}
