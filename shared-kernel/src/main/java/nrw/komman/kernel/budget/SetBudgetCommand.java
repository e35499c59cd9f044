package nrw.komman.kernel.budget;

import nrw.komman.kernel.common.Guard;
import nrw.komman.kernel.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The ministry sets the budget of a funding year and programme part, state-wide or for one centre.
 * Setting it again replaces the amount; it can never fall below what is already approved.
 */
public record SetBudgetCommand(@TargetAggregateIdentifier BudgetId budgetId, Money amount, String reason) {

    public SetBudgetCommand {
        Guard.required(budgetId, "budgetId", "Das Budget");
        Guard.required(amount, "amount", "Der Budgetbetrag");
        reason = Guard.optionalText(reason, "reason", "Die Begründung", 4000);
    }
}
