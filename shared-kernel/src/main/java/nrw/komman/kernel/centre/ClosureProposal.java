package nrw.komman.kernel.centre;

import java.time.LocalDate;

/** A proposal to close a centre that waits for a second ministry account's confirmation: the date, why, and who proposed it. */
public record ClosureProposal(LocalDate closedOn, String reason, String proposedBy) {
}
