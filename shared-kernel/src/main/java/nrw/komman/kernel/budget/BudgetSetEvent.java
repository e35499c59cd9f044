package nrw.komman.kernel.budget;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.grant.ProgrammePart;

/** The ministry set a budget; {@code previousAmount} is null the first time. {@code centreId} null: state-wide. */
public record BudgetSetEvent(BudgetId budgetId, int fundingYear, ProgrammePart programmePart, CentreId centreId,
                             Money previousAmount, Money amount, String reason) {
}
