package nrw.komman.command.budget;

import nrw.komman.kernel.budget.BudgetId;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.grant.ProgrammePart;

/**
 * Port: the set-based check that keeps approved grants within the ministry's budgets (ADR 0007).
 * Every change runs in the command's transaction and serialises on the state-wide budget of its
 * funding year and programme part, so two approvals that race each other are checked one after the
 * other, on one node or many. A refusal throws and leaves the ledger as it was.
 */
public interface BudgetLedger {

    /**
     * Commits a change of a grant's approved amount ({@code delta} in cents, negative when an
     * amendment lowers it) against the state-wide budget and the centre's share, if one is set.
     *
     * @throws nrw.komman.kernel.common.RuleViolationException budget.missing, budget.exceeded or
     *                                                         budget.centre-exceeded
     */
    void commitApproval(int fundingYear, ProgrammePart programmePart, CentreId centreId, long delta);

    /**
     * Sets a budget and returns the previous amount (null when none was set).
     *
     * @throws nrw.komman.kernel.common.RuleViolationException budget.below-approved, or
     *                                                         budget.missing for a centre's share without a state-wide budget
     */
    Money setBudget(BudgetId budgetId, Money amount);
}
