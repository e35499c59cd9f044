package nrw.komman.kernel.grant;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Money;

import java.time.LocalDate;

/** The grant authority checked the usage report and closed the grant; repayment demanded = disbursed − spent. */
public record GrantClosedEvent(GrantId grantId, CentreId centreId, Money disbursed, Money spent, Money repaymentDemanded, String checkNote, LocalDate closedOn) {
}
