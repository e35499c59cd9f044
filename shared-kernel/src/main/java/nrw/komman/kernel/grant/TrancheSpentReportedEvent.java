package nrw.komman.kernel.grant;

import nrw.komman.kernel.centre.CentreId;

import java.time.LocalDate;

/** The centre reported the money of a tranche as spent. */
public record TrancheSpentReportedEvent(GrantId grantId, CentreId centreId, int tranche, LocalDate reportedOn) {
}
