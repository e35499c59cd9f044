package nrw.komman.command.testing;

import nrw.komman.command.budget.JdbcBudgetLedger;
import nrw.komman.kernel.budget.BudgetId;
import nrw.komman.kernel.common.Money;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.List;
import java.util.UUID;

/**
 * The real budget ledger on a fresh in-memory database (H2 in PostgreSQL mode, the command side's
 * Flyway migrations), for fixture tests: the aggregates are tested with the ledger they run with.
 */
public final class TestBudgets {

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final JdbcBudgetLedger ledger;

    public TestBudgets() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:budgets-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration/common").load().migrate();
        this.dataSource = h2;
        this.jdbc = new JdbcTemplate(h2);
        this.ledger = new JdbcBudgetLedger(jdbc);
    }

    public JdbcBudgetLedger ledger() {
        return ledger;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public TestBudgets set(BudgetId budgetId, String euros) {
        ledger.setBudget(budgetId, Money.parse(euros));
        return this;
    }

    /** What the ledger counts as approved against a budget; null when it has no row. */
    public Money approved(BudgetId budgetId) {
        List<Long> rows = jdbc.queryForList("select approved_cents from budget_ledger where budget_id = ?", Long.class,
                budgetId.toString());
        return rows.isEmpty() ? null : Money.ofCents(rows.get(0));
    }

    /** Approvals committed before the scenario, as if earlier grants had been approved. */
    public TestBudgets alreadyApproved(BudgetId stateWide, nrw.komman.kernel.centre.CentreId centre, String euros) {
        ledger.commitApproval(stateWide.fundingYear(), stateWide.programmePart(), centre, Money.parse(euros).cents());
        return this;
    }
}
