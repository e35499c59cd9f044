package nrw.komman.kernel.grant;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Money;

import java.time.LocalDate;

/** A repayment arrived on the repayment demand of a closed grant. */
public record RepaymentReceivedEvent(GrantId grantId, CentreId centreId, Money amount, LocalDate receivedOn, Money outstandingBefore, Money outstandingAfter) {
}
