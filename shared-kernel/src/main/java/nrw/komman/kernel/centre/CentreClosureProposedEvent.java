package nrw.komman.kernel.centre;

import java.time.LocalDate;

/** A ministry account proposed to close a centre on a date; the centre stays open until a second account confirms. */
public record CentreClosureProposedEvent(CentreId centreId, LocalDate closedOn, String reason) {
}
