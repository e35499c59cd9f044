package nrw.komman.kernel.grant;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.Regierungsbezirk;
import nrw.komman.kernel.common.Money;

import java.time.LocalDate;

/**
 * A grant with its amounts, decision and the next step due. The money of its life after approval:
 * {@code disbursedAmount} so far, {@code fundsRequested} (drawn by the centre, not yet disbursed),
 * {@code spentAmount} from the usage report, {@code repaymentDemanded} when closed and {@code repaidAmount}.
 */
public record GrantView(GrantId grantId, CentreId centreId, String centreName, Regierungsbezirk regierungsbezirk,
                        int fundingYear, ProgrammePart programmePart, String title, String purpose, GrantStatus status,
                        Money requestedAmount, Money approvedAmount, Recommendation recommendation, String reviewNote,
                        String decisionNote, LocalDate appliedOn, String appliedBy, String reviewedBy, String decidedBy,
                        LocalDate decidedOn, String nextStep,
                        Money disbursedAmount, Money fundsRequested, Money spentAmount, Integer volunteersReached,
                        String usageReport, LocalDate reportedOn, String checkNote, LocalDate closedOn,
                        Money repaymentDemanded, Money repaidAmount) {

    /** What the centre still owes after the repayment demand; zero when nothing is demanded. */
    public Money repaymentOutstanding() {
        if (repaymentDemanded == null) {
            return Money.ZERO;
        }
        return repaymentDemanded.minus(repaidAmount == null ? Money.ZERO : repaidAmount);
    }

    /** What may still be disbursed: approved minus disbursed. */
    public Money disbursable() {
        if (approvedAmount == null) {
            return Money.ZERO;
        }
        return approvedAmount.minus(disbursedAmount == null ? Money.ZERO : disbursedAmount);
    }
}
