package nrw.komman.kernel.budget;

import java.util.List;

/** The budget use of a funding year: state-wide rows per programme part, then the centres' rows. */
public record BudgetOverview(int fundingYear, List<BudgetUse> programmeParts, List<BudgetUse> centres) {
}
