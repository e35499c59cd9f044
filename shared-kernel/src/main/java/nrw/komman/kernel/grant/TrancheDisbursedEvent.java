package nrw.komman.kernel.grant;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Money;

import java.time.LocalDate;

/** A tranche was disbursed; {@code tranche} counts from 1. */
public record TrancheDisbursedEvent(GrantId grantId, CentreId centreId, int tranche, Money amount, LocalDate disbursedOn, Money disbursedBefore, Money disbursedAfter) {
}
