package nrw.komman.kernel.grant;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Money;

import java.time.LocalDate;

/**
 * A date passed (recorded by the platform): the money of a tranche disbursed on {@code disbursedOn} was not
 * reported as spent by {@code dueOn}, two months later (interest may be charged).
 */
public record TrancheSpendingOverdueEvent(GrantId grantId, CentreId centreId, int tranche, Money amount,
                                          LocalDate disbursedOn, LocalDate dueOn, LocalDate noticedOn) {
}
