package nrw.komman.query.budget;

import nrw.komman.kernel.budget.BudgetOverview;
import nrw.komman.kernel.budget.BudgetUse;
import nrw.komman.kernel.budget.FetchBudgetUseQuery;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.grant.FundingYear;
import nrw.komman.kernel.grant.GrantStatus;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.query.common.ReadAccess;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Budget use of one funding year: for each programme part state-wide, and for each centre in it,
 * the budget set and the money of the grants whose status counts against the budget
 * ({@link GrantStatus#countsAgainstBudget()}). A programme part appears when it has a budget (its
 * own or a centre's) or such grants; a centre when it has a budget of its own or such grants.
 * Rows in programme part order, the centres then by key.
 */
@Component
public class BudgetQueries {

    private static final List<String> COUNTING = Arrays.stream(GrantStatus.values())
            .filter(GrantStatus::countsAgainstBudget).map(Enum::name).toList();

    private final NamedParameterJdbcTemplate jdbc;

    public BudgetQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public BudgetOverview handle(FetchBudgetUseQuery query, MetaData metaData) {
        ReadAccess.requireBudgetReader(ReadAccess.actor(metaData));
        int year = FundingYear.validate(query.fundingYear());
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("year", year)
                .addValue("statuses", COUNTING);
        Map<ProgrammePart, Use> parts = new EnumMap<>(ProgrammePart.class);
        Map<ProgrammePart, Map<String, Use>> centres = new EnumMap<>(ProgrammePart.class);

        jdbc.query("select programme_part, centre_id, amount_cents from budget_view where funding_year = :year", p, rs -> {
            ProgrammePart part = ProgrammePart.valueOf(rs.getString("programme_part"));
            String centre = rs.getString("centre_id");
            Use partUse = parts.computeIfAbsent(part, k -> new Use());
            if (centre == null) {
                partUse.budget = Money.ofCents(rs.getLong("amount_cents"));
            } else {
                centres.computeIfAbsent(part, k -> new TreeMap<>()).computeIfAbsent(centre, k -> new Use())
                        .budget = Money.ofCents(rs.getLong("amount_cents"));
            }
        });
        jdbc.query("""
                select programme_part, centre_id, count(*) as grants,
                       coalesce(sum(approved_cents), 0) as approved, coalesce(sum(disbursed_cents), 0) as disbursed,
                       coalesce(sum(spent_cents), 0) as spent, coalesce(sum(repayment_demanded_cents), 0) as demanded,
                       coalesce(sum(repaid_cents), 0) as repaid
                  from grant_view where funding_year = :year and status in (:statuses)
                 group by programme_part, centre_id""", p, rs -> {
            ProgrammePart part = ProgrammePart.valueOf(rs.getString("programme_part"));
            Use sums = new Use();
            sums.grants = rs.getInt("grants");
            sums.approved = rs.getLong("approved");
            sums.disbursed = rs.getLong("disbursed");
            sums.spent = rs.getLong("spent");
            sums.demanded = rs.getLong("demanded");
            sums.repaid = rs.getLong("repaid");
            parts.computeIfAbsent(part, k -> new Use()).add(sums);
            centres.computeIfAbsent(part, k -> new TreeMap<>())
                    .computeIfAbsent(rs.getString("centre_id"), k -> new Use()).add(sums);
        });
        Map<String, String> names = names(centres);

        List<BudgetUse> partRows = new ArrayList<>();
        parts.forEach((part, use) -> partRows.add(use.row(year, part, null, null)));
        List<BudgetUse> centreRows = new ArrayList<>();
        centres.forEach((part, byCentre) -> byCentre.forEach((centre, use) ->
                centreRows.add(use.row(year, part, new CentreId(centre), names.getOrDefault(centre, centre)))));
        return new BudgetOverview(year, List.copyOf(partRows), List.copyOf(centreRows));
    }

    /** The names from the group's own copy of the centres; the key where a centre is not known yet. */
    private Map<String, String> names(Map<ProgrammePart, Map<String, Use>> centres) {
        List<String> ids = centres.values().stream().flatMap(m -> m.keySet().stream()).distinct().toList();
        Map<String, String> names = new TreeMap<>();
        if (!ids.isEmpty()) {
            jdbc.query("select centre_id, name from grant_centre where centre_id in (:ids)",
                    new MapSqlParameterSource("ids", ids),
                    rs -> { names.put(rs.getString("centre_id"), rs.getString("name")); });
        }
        return names;
    }

    /** The budget and the running sums (in cents) of one row. */
    private static final class Use {
        Money budget;
        long approved;
        long disbursed;
        long spent;
        long demanded;
        long repaid;
        int grants;

        void add(Use other) {
            approved += other.approved;
            disbursed += other.disbursed;
            spent += other.spent;
            demanded += other.demanded;
            repaid += other.repaid;
            grants += other.grants;
        }

        BudgetUse row(int year, ProgrammePart part, CentreId centreId, String centreName) {
            return new BudgetUse(year, part, centreId, centreName, budget, Money.ofCents(approved),
                    Money.ofCents(disbursed), Money.ofCents(spent), Money.ofCents(demanded), Money.ofCents(repaid),
                    grants);
        }
    }
}
