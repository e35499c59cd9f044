package nrw.komman.kernel.grant;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Money;

import java.time.LocalDate;

/** The centre submitted its usage report (Verwendungsnachweis). */
public record UsageReportSubmittedEvent(GrantId grantId, CentreId centreId, Money disbursed, Money amountSpent, String report, int volunteersReached, LocalDate submittedOn) {
}
