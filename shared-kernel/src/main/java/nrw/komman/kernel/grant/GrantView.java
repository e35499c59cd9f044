package nrw.komman.kernel.grant;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.Regierungsbezirk;
import nrw.komman.kernel.common.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * A grant with its amounts, decision and the next step due. The money of its life after approval:
 * {@code disbursedAmount} so far, {@code fundsRequested} (drawn by the centre, not yet disbursed),
 * {@code spentAmount} from the usage report, {@code repaymentDemanded} when closed and {@code repaidAmount}.
 * {@code nextStep} is the code of a {@link GrantNextStep}, never a word: the web words it in the reader's language.
 * {@code pendingRaise} is a raise of the approved amount proposed by {@code raiseProposedBy} and not yet approved by a
 * second account (ADR 26); null when none waits.
 * <p>The dates that matter (issue 19): {@code usageReportDue} once approved (null before, and for a grant never
 * approved); {@code usageReportOverdue}, {@code reviewOverdue} and {@code decisionOverdue} while the platform has
 * recorded that the date passed and nothing has answered it since; {@code tranches} the disbursed tranches with the
 * dates their spending is due, in order.
 */
public record GrantView(GrantId grantId, CentreId centreId, String centreName, Regierungsbezirk regierungsbezirk,
                        int fundingYear, ProgrammePart programmePart, String title, String purpose, GrantStatus status,
                        Money requestedAmount, Money approvedAmount, Recommendation recommendation, String reviewNote,
                        String decisionNote, LocalDate appliedOn, String appliedBy, String reviewedBy, String decidedBy,
                        LocalDate decidedOn, String nextStep,
                        Money disbursedAmount, Money fundsRequested, Money spentAmount, Integer volunteersReached,
                        String usageReport, LocalDate reportedOn, String checkNote, LocalDate closedOn,
                        Money repaymentDemanded, Money repaidAmount, Money pendingRaise, String raiseProposedBy,
                        LocalDate usageReportDue, boolean usageReportOverdue, boolean reviewOverdue, boolean decisionOverdue,
                        List<GrantTranche> tranches) {

    @com.fasterxml.jackson.annotation.JsonCreator
    public GrantView {
        tranches = tranches == null ? List.of() : List.copyOf(tranches);
    }

    /** A grant without the dates of issue 19 (as the pages and tests built it before). */
    public GrantView(GrantId grantId, CentreId centreId, String centreName, Regierungsbezirk regierungsbezirk,
                     int fundingYear, ProgrammePart programmePart, String title, String purpose, GrantStatus status,
                     Money requestedAmount, Money approvedAmount, Recommendation recommendation, String reviewNote,
                     String decisionNote, LocalDate appliedOn, String appliedBy, String reviewedBy, String decidedBy,
                     LocalDate decidedOn, String nextStep,
                     Money disbursedAmount, Money fundsRequested, Money spentAmount, Integer volunteersReached,
                     String usageReport, LocalDate reportedOn, String checkNote, LocalDate closedOn,
                     Money repaymentDemanded, Money repaidAmount, Money pendingRaise, String raiseProposedBy) {
        this(grantId, centreId, centreName, regierungsbezirk, fundingYear, programmePart, title, purpose, status,
                requestedAmount, approvedAmount, recommendation, reviewNote, decisionNote, appliedOn, appliedBy, reviewedBy,
                decidedBy, decidedOn, nextStep, disbursedAmount, fundsRequested, spentAmount, volunteersReached, usageReport,
                reportedOn, checkNote, closedOn, repaymentDemanded, repaidAmount, pendingRaise, raiseProposedBy,
                null, false, false, false, List.of());
    }

    /** A grant without a raise waiting for a second account's approval (ADR 26). */
    public GrantView(GrantId grantId, CentreId centreId, String centreName, Regierungsbezirk regierungsbezirk,
                     int fundingYear, ProgrammePart programmePart, String title, String purpose, GrantStatus status,
                     Money requestedAmount, Money approvedAmount, Recommendation recommendation, String reviewNote,
                     String decisionNote, LocalDate appliedOn, String appliedBy, String reviewedBy, String decidedBy,
                     LocalDate decidedOn, String nextStep,
                     Money disbursedAmount, Money fundsRequested, Money spentAmount, Integer volunteersReached,
                     String usageReport, LocalDate reportedOn, String checkNote, LocalDate closedOn,
                     Money repaymentDemanded, Money repaidAmount) {
        this(grantId, centreId, centreName, regierungsbezirk, fundingYear, programmePart, title, purpose, status,
                requestedAmount, approvedAmount, recommendation, reviewNote, decisionNote, appliedOn, appliedBy, reviewedBy,
                decidedBy, decidedOn, nextStep, disbursedAmount, fundsRequested, spentAmount, volunteersReached, usageReport,
                reportedOn, checkNote, closedOn, repaymentDemanded, repaidAmount, null, null);
    }

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

    /** The same grant with another next step: the API words the code, as it always has, in German. */
    public GrantView withNextStep(String otherNextStep) {
        return new GrantView(grantId, centreId, centreName, regierungsbezirk, fundingYear, programmePart, title, purpose,
                status, requestedAmount, approvedAmount, recommendation, reviewNote, decisionNote, appliedOn, appliedBy,
                reviewedBy, decidedBy, decidedOn, otherNextStep, disbursedAmount, fundsRequested, spentAmount,
                volunteersReached, usageReport, reportedOn, checkNote, closedOn, repaymentDemanded, repaidAmount,
                pendingRaise, raiseProposedBy, usageReportDue, usageReportOverdue, reviewOverdue, decisionOverdue, tranches);
    }

    /** The tranches whose spending the platform found overdue and the centre has not reported since. */
    public List<GrantTranche> overdueTranches() {
        return tranches.stream().filter(GrantTranche::spendingOverdue).toList();
    }

    /** Whether anything of this grant is overdue: the usage report, a tranche's spending, the review or the decision. */
    public boolean overdue() {
        return usageReportOverdue || reviewOverdue || decisionOverdue || !overdueTranches().isEmpty();
    }
}
