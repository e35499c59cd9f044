package nrw.komman.kernel.grant;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Money;

import java.time.LocalDate;

/** The approved amount changed (Änderungsbescheid): a lowering at once, a raise when a second account approved it (ADR 26). */
public record GrantAmendedEvent(GrantId grantId, CentreId centreId, Money approvedBefore, Money approvedAfter, String reason, LocalDate amendedOn) {
}
