package nrw.komman.kernel.grant;

import nrw.komman.kernel.centre.CentreId;

import java.time.LocalDate;

/** A date passed (recorded by the platform): the usage report due on {@code dueOn} has not been submitted. */
public record UsageReportOverdueEvent(GrantId grantId, CentreId centreId, LocalDate dueOn, LocalDate noticedOn) {
}
