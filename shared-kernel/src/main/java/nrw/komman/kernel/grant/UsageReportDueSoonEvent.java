package nrw.komman.kernel.grant;

import nrw.komman.kernel.centre.CentreId;

import java.time.LocalDate;

/** A date passed (recorded by the platform): the usage report is due on {@code dueOn}, the centre is reminded. */
public record UsageReportDueSoonEvent(GrantId grantId, CentreId centreId, LocalDate dueOn, LocalDate noticedOn) {
}
