package nrw.komman.kernel.centre;

import java.time.LocalDate;

/** The pending proposal to close a centre on {@code closedOn} was withdrawn; the centre stays open. */
public record CentreClosureWithdrawnEvent(CentreId centreId, LocalDate closedOn, String reason) {
}
