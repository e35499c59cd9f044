package nrw.komman.kernel.grant;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Money;

import java.time.LocalDate;

/** The ministry amended the approved amount (Änderungsbescheid). */
public record GrantAmendedEvent(GrantId grantId, CentreId centreId, Money approvedBefore, Money approvedAfter, String reason, LocalDate amendedOn) {
}
