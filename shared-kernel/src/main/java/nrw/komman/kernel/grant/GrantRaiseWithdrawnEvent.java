package nrw.komman.kernel.grant;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Money;

/** A pending raise of the approved amount was withdrawn; the approved amount stays as it was. */
public record GrantRaiseWithdrawnEvent(GrantId grantId, CentreId centreId, Money proposedAmount, String reason) {
}
