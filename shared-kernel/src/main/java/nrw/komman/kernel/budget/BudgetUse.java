package nrw.komman.kernel.budget;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.grant.ProgrammePart;

/**
 * How much of a budget is used. {@code centreId} null: the state-wide budget of the programme part.
 * {@code budget} is null where none is set (a centre without a share of its own). The money of the grants
 * that count against the budget: approved, disbursed, spent (reported), demanded back and repaid.
 */
public record BudgetUse(int fundingYear, ProgrammePart programmePart, CentreId centreId, String centreName,
                        Money budget, Money approved, Money disbursed, Money spent, Money repaymentDemanded,
                        Money repaid, int grants) {

    /** Budget minus approved; null when there is no budget. */
    public Money remaining() {
        return budget == null ? null : budget.minus(approved);
    }
}
