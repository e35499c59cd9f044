package nrw.komman.web.centre;

import jakarta.validation.constraints.NotNull;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.ConfirmCentreClosureCommand;

import java.time.LocalDate;

import static nrw.komman.web.platform.Messages.REQUIRED;

/** @param closedOn the date of the proposal being confirmed, as the confirming person saw it */
public record ClosureConfirmationRequest(@NotNull(message = REQUIRED) LocalDate closedOn) {

    public ConfirmCentreClosureCommand toCommand(CentreId centreId) {
        return new ConfirmCentreClosureCommand(centreId, closedOn);
    }
}
