package nrw.komman.kernel.grant;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Money;

import java.time.LocalDate;

/** The centre drew funds (Mittelabruf); disbursed later by the grant authority. */
public record FundsRequestedEvent(GrantId grantId, CentreId centreId, Money amount, String purpose, LocalDate requestedOn) {
}
