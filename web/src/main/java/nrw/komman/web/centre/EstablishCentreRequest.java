package nrw.komman.web.centre;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.centre.EstablishCentreCommand;
import nrw.komman.web.platform.Ids;

import java.time.LocalDate;

import static nrw.komman.web.platform.Messages.REQUIRED;
import static nrw.komman.web.platform.Messages.TOO_LONG;

/**
 * @param centreId      official key (AGS) of the Kreis or kreisfreie Stadt, e.g. {@code 05166}
 * @param type          kind of local authority, e.g. "Kreis", "Kreisfreie Stadt"
 * @param establishedOn today when absent
 */
public record EstablishCentreRequest(
        @NotBlank(message = REQUIRED) @Size(max = 8, message = TOO_LONG) String centreId,
        @NotBlank(message = REQUIRED) @Size(max = 200, message = TOO_LONG) String name,
        @NotBlank(message = REQUIRED) @Size(max = 60, message = TOO_LONG) String type,
        LocalDate establishedOn) {

    public EstablishCentreCommand toCommand(LocalDate today) {
        return new EstablishCentreCommand(Ids.centre("centreId", centreId == null ? null : centreId.strip()), name, type,
                establishedOn == null ? today : establishedOn);
    }
}
