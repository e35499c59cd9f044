package nrw.komman.command.budget;

import nrw.komman.kernel.budget.BudgetId;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.grant.ProgrammePart;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The budget ledger in one table ({@code budget_ledger}, migration V12): one row per budget with the
 * amount set and the total approved against it. Rows of centres without a share of their own only count.
 * <p>
 * The protocol: every change first locks the state-wide row of its year and programme part
 * ({@code select … for update}), checks, then writes. Within a programme part the changes queue on that one
 * row; different parts and years never wait for each other. Runs in the caller's transaction (Axon's unit of
 * work binds the Spring transaction), so the ledger commits or rolls back with the command's events.
 */
@Component
public class JdbcBudgetLedger implements BudgetLedger {

    private final JdbcTemplate jdbc;

    public JdbcBudgetLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void commitApproval(int fundingYear, ProgrammePart programmePart, CentreId centreId, long delta) {
        BudgetId stateWide = BudgetId.of(fundingYear, programmePart);
        Row state = lock(stateWide).filter(r -> r.budget() != null).orElseThrow(() -> missing(stateWide));
        BudgetId share = BudgetId.of(fundingYear, programmePart, centreId);
        Optional<Row> centre = lock(share);
        if (delta > 0) {
            if (state.approved() + delta > state.budget()) {
                throw new RuleViolationException("budget.exceeded",
                        "Das Budget " + describe(stateWide) + " reicht nicht: " + Nrw.euros(cents(state.budget()))
                                + " insgesamt, davon " + Nrw.euros(cents(state.approved())) + " bereits bewilligt; frei sind "
                                + Nrw.euros(cents(state.budget() - state.approved())) + ".");
            }
            centre.filter(r -> r.budget() != null && r.approved() + delta > r.budget()).ifPresent(r -> {
                throw new RuleViolationException("budget.centre-exceeded",
                        "Der Anteil des Zentrums am Budget " + describe(stateWide) + " reicht nicht: "
                                + Nrw.euros(cents(r.budget())) + ", davon " + Nrw.euros(cents(r.approved()))
                                + " bereits bewilligt; frei sind " + Nrw.euros(cents(r.budget() - r.approved())) + ".");
            });
        }
        add(stateWide, delta);
        if (centre.isPresent()) {
            add(share, delta);
        } else {
            insert(share, null, delta);
        }
    }

    @Override
    public Money setBudget(BudgetId budgetId, Money amount) {
        BudgetId stateWide = budgetId.stateWide();
        Optional<Row> state = lock(stateWide);
        if (budgetId.isForCentre() && state.map(Row::budget).isEmpty()) {
            throw new RuleViolationException("budget.missing",
                    "Bitte zuerst das landesweite Budget " + describe(stateWide) + " festlegen; der Anteil eines Zentrums gehört dazu.");
        }
        Optional<Row> row = budgetId.isForCentre() ? lock(budgetId) : state;
        long approved = row.map(Row::approved).orElse(0L);
        if (amount.cents() < approved) {
            throw new RuleViolationException("budget.below-approved",
                    "Das Budget darf nicht unter den bereits bewilligten Betrag sinken: " + Nrw.euros(cents(approved))
                            + " sind bewilligt.");
        }
        if (row.isPresent()) {
            jdbc.update("update budget_ledger set budget_cents = ? where budget_id = ?", amount.cents(), budgetId.toString());
            Long previous = row.get().budget();
            return previous == null ? null : cents(previous);
        }
        insert(budgetId, amount.cents(), 0);
        return null;
    }

    private Optional<Row> lock(BudgetId id) {
        List<Row> rows = jdbc.query("select budget_cents, approved_cents from budget_ledger where budget_id = ? for update",
                (rs, i) -> new Row((Long) rs.getObject("budget_cents", Long.class), rs.getLong("approved_cents")),
                id.toString());
        return rows.stream().findFirst();
    }

    private void add(BudgetId id, long delta) {
        jdbc.update("update budget_ledger set approved_cents = approved_cents + ? where budget_id = ?", delta, id.toString());
    }

    private void insert(BudgetId id, Long budget, long approved) {
        jdbc.update("""
                insert into budget_ledger (budget_id, funding_year, programme_part, centre_id, budget_cents, approved_cents)
                values (?, ?, ?, ?, ?, ?)""", id.toString(), id.fundingYear(), id.programmePart().name(),
                id.centreId() == null ? null : id.centreId().value(), budget, approved);
    }

    private static RuleViolationException missing(BudgetId stateWide) {
        return new RuleViolationException("budget.missing",
                "Für " + describe(stateWide) + " hat das Ministerium noch kein Budget festgelegt; ohne Budget ist keine Bewilligung möglich.");
    }

    private static String describe(BudgetId id) {
        return id.programmePart().germanName() + " " + id.fundingYear();
    }

    private static Money cents(long cents) {
        return Money.ofCents(cents);
    }

    private record Row(Long budget, long approved) {
    }
}
