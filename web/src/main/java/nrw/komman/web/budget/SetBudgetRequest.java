package nrw.komman.web.budget;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.budget.BudgetId;
import nrw.komman.kernel.budget.SetBudgetCommand;
import nrw.komman.web.platform.Ids;

import static nrw.komman.web.platform.Messages.REQUIRED;
import static nrw.komman.web.platform.Messages.TOO_LONG;

/** @param amount the budget in euros as a decimal string; @param reason optional, e.g. the budget act */
public record SetBudgetRequest(
        @NotBlank(message = REQUIRED) @Size(max = 20, message = TOO_LONG) String amount,
        @Size(max = 4000, message = TOO_LONG) String reason) {

    public SetBudgetCommand toCommand(BudgetId budgetId) {
        return new SetBudgetCommand(budgetId, Ids.money("amount", amount), reason);
    }
}
