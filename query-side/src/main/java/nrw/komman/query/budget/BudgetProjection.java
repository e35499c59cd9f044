package nrw.komman.query.budget;

import nrw.komman.kernel.budget.BudgetId;
import nrw.komman.kernel.budget.BudgetSetEvent;
import nrw.komman.kernel.common.Actor;
import nrw.komman.query.common.ProcessingGroups;
import nrw.komman.query.common.RebuildableProjection;
import nrw.komman.query.common.Rows;
import nrw.komman.query.common.TableNames;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Projects the budgets the ministry set into {@code budget_view}, one row per budget with its
 * current amount. Owned by {@code grant-views}, so budgets and grants are replayed together; what
 * is used of a budget is summed from {@code grant_view} when asked ({@link BudgetQueries}).
 *
 * <p>A budget event whose sequence number the budget has already seen changes nothing, so a
 * redelivered older amount never overwrites a newer one.
 */
@Component
@ProcessingGroup(ProcessingGroups.GRANT_VIEWS)
public class BudgetProjection implements RebuildableProjection {

    /** The tables it writes (ADR 17). */
    private static final TableNames TABLES = TableNames.of("budget_view");

    private final NamedParameterJdbcTemplate jdbc;
    private final TableNames tables;

    @Autowired
    public BudgetProjection(NamedParameterJdbcTemplate jdbc) {
        this(jdbc, TABLES);
    }

    private BudgetProjection(NamedParameterJdbcTemplate jdbc, TableNames tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    @Override
    public TableNames tables() {
        return tables;
    }

    @Override
    public BudgetProjection copyOver(TableNames generation) {
        return new BudgetProjection(jdbc, generation);
    }

    @EventHandler
    public void on(BudgetSetEvent event, MetaData metaData, @Timestamp Instant occurredAt,
                   @SequenceNumber long sequence) {
        BudgetId budgetId = event.budgetId() != null ? event.budgetId()
                : BudgetId.of(event.fundingYear(), event.programmePart(), event.centreId());
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("budgetId", budgetId.toString())
                .addValue("fundingYear", budgetId.fundingYear())
                .addValue("programmePart", budgetId.programmePart().name())
                .addValue("centreId", budgetId.centreId() == null ? null : budgetId.centreId().value())
                .addValue("amount", event.amount().cents())
                .addValue("reason", event.reason())
                .addValue("setAt", Rows.timestamp(occurredAt))
                .addValue("setBy", Rows.string(metaData == null ? null : metaData.get(Actor.ACCOUNT)))
                .addValue("sequence", sequence);
        List<Long> seen = jdbc.queryForList(tables.sql("select last_sequence from {budget_view} where budget_id = :budgetId"),
                Map.of("budgetId", budgetId.toString()), Long.class);
        if (seen.isEmpty()) {
            jdbc.update(tables.sql("""
                    insert into {budget_view} (budget_id, funding_year, programme_part, centre_id, amount_cents, reason,
                                             set_at, set_by, last_sequence)
                    values (:budgetId, :fundingYear, :programmePart, :centreId, :amount, :reason,
                            :setAt, :setBy, :sequence)"""), p);
        } else if (sequence > seen.get(0)) {
            jdbc.update(tables.sql("""
                    update {budget_view} set amount_cents = :amount, reason = :reason, set_at = :setAt, set_by = :setBy,
                           last_sequence = :sequence
                     where budget_id = :budgetId"""), p);
        }
    }

    @ResetHandler
    public void reset() {
        jdbc.getJdbcOperations().update(tables.sql("delete from {budget_view}"));
    }
}
