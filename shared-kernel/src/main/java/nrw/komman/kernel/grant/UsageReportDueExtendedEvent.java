package nrw.komman.kernel.grant;

import nrw.komman.kernel.centre.CentreId;

import java.time.LocalDate;

/** The grant authority moved the usage report's due date from {@code dueBefore} to {@code dueAfter}. */
public record UsageReportDueExtendedEvent(GrantId grantId, CentreId centreId, LocalDate dueBefore, LocalDate dueAfter,
                                          String reason, LocalDate extendedOn) {
}
