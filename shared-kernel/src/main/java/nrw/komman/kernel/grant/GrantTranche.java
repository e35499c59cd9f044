package nrw.komman.kernel.grant;

import nrw.komman.kernel.common.Money;

import java.time.LocalDate;

/**
 * One disbursed tranche of a grant and the date its spending is to be reported by (issue 19): two months after the
 * disbursement ({@link ProgrammeDates#spendingDueOn}).
 *
 * @param tranche          counts from 1, as in {@link TrancheDisbursedEvent}
 * @param spentReportedOn  the day the centre reported the money as spent; null while it has not
 * @param spendingOverdue  the platform recorded that the date passed without the report, and none came since
 */
public record GrantTranche(int tranche, Money amount, LocalDate disbursedOn, LocalDate spendingDueOn,
                           LocalDate spentReportedOn, boolean spendingOverdue) {

    /** Whether the centre may still report this tranche as spent. */
    public boolean open() {
        return spentReportedOn == null;
    }
}
