package nrw.komman.command.budget;

import nrw.komman.command.testing.TestBudgets;
import nrw.komman.kernel.budget.BudgetId;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.grant.ProgrammePart;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ledger on a real database, in transactions, with approvals racing each other. */
class JdbcBudgetLedgerTest {

    private static final BudgetId PART_I = BudgetId.of(2027, ProgrammePart.PART_I);
    private static final CentreId KOELN = new CentreId("05315");

    private final TestBudgets budgets = new TestBudgets();
    private final JdbcBudgetLedger ledger = budgets.ledger();
    private final TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(budgets.dataSource()));

    @Test
    void racing_approvals_never_exceed_the_budget() throws Exception {
        budgets.set(PART_I, "100000.00");
        int clients = 16;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Callable<Boolean>> approvals = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            // 16 × 7.000 € = 112.000 € asked for, 100.000 € available: exactly 14 fit
            approvals.add(() -> {
                try {
                    tx.executeWithoutResult(s -> ledger.commitApproval(2027, ProgrammePart.PART_I, KOELN, 700_000));
                    return true;
                } catch (RuleViolationException refused) {
                    assertThat(refused.code()).isEqualTo("budget.exceeded");
                    return false;
                }
            });
        }
        int committed = 0;
        for (Future<Boolean> result : pool.invokeAll(approvals)) {
            committed += result.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(committed).isEqualTo(14);
        assertThat(budgets.approved(PART_I)).isEqualTo(Money.parse("98000.00"));
        assertThat(budgets.approved(BudgetId.of(2027, ProgrammePart.PART_I, KOELN))).isEqualTo(Money.parse("98000.00"));
    }

    @Test
    void a_refused_approval_in_a_transaction_leaves_the_ledger_as_it_was() {
        budgets.set(PART_I, "1000.00");
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            ledger.commitApproval(2027, ProgrammePart.PART_I, KOELN, 60_000);
            ledger.commitApproval(2027, ProgrammePart.PART_I, KOELN, 60_000);
        })).isInstanceOf(RuleViolationException.class);
        assertThat(budgets.approved(PART_I)).isEqualTo(Money.ZERO);
    }

    @Test
    void a_lower_amendment_frees_budget_for_others() {
        budgets.set(PART_I, "1000.00").alreadyApproved(PART_I, KOELN, "1000.00");
        ledger.commitApproval(2027, ProgrammePart.PART_I, KOELN, -40_000);
        ledger.commitApproval(2027, ProgrammePart.PART_I, new CentreId("05166"), 40_000);
        assertThat(budgets.approved(PART_I)).isEqualTo(Money.parse("1000.00"));
        assertThat(budgets.approved(BudgetId.of(2027, ProgrammePart.PART_I, KOELN))).isEqualTo(Money.parse("600.00"));
    }

    @Test
    void the_database_itself_refuses_an_overspent_row() {
        budgets.set(PART_I, "1000.00");
        // defence in depth: even a bug that skipped the check could not commit an overspent budget
        assertThatThrownBy(() -> new org.springframework.jdbc.core.JdbcTemplate(budgets.dataSource())
                .update("update budget_ledger set approved_cents = 100001 where budget_id = ?", PART_I.toString()))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }
}
