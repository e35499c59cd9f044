package nrw.komman.web.centre;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.ProposeCentreClosureCommand;

import java.time.LocalDate;

import static nrw.komman.web.platform.Messages.REQUIRED;
import static nrw.komman.web.platform.Messages.TOO_LONG;

/** A proposal to close a centre; a second ministry account confirms it (ADR 26). @param closedOn today when absent */
public record ClosureProposalRequest(
        LocalDate closedOn,
        @NotBlank(message = REQUIRED) @Size(max = 2000, message = TOO_LONG) String reason) {

    public ProposeCentreClosureCommand toCommand(CentreId centreId, LocalDate today) {
        return new ProposeCentreClosureCommand(centreId, closedOn == null ? today : closedOn, reason);
    }
}
