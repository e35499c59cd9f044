package nrw.komman.query.grant;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.Regierungsbezirk;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.grant.FetchGrantHistoryQuery;
import nrw.komman.kernel.grant.FindGrantQuery;
import nrw.komman.kernel.grant.FindGrantsQuery;
import nrw.komman.kernel.grant.GrantHistory;
import nrw.komman.kernel.grant.GrantHistoryEntry;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.GrantStatus;
import nrw.komman.kernel.grant.GrantTranche;
import nrw.komman.kernel.grant.GrantView;
import nrw.komman.kernel.grant.ProgrammeDates;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.kernel.grant.Recommendation;
import nrw.komman.query.common.ReadAccess;
import nrw.komman.query.common.Rows;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The grants register and grant histories. A coordinator sees their own centre's grants; the grant
 * authority, the ministry and the auditors see all. Grants hold no personal data of volunteers.
 */
@Component
public class GrantQueries {

    private static final String SELECT = """
            select grant_id, centre_id, centre_name, region, funding_year, programme_part, title, purpose, status,
                   requested_cents, approved_cents, recommendation, review_note, decision_note, applied_on,
                   applied_by, reviewed_by, decided_by, decided_on, next_step, disbursed_cents,
                   funds_requested_cents, spent_cents, volunteers_reached, usage_report, reported_on, check_note,
                   closed_on, repayment_demanded_cents, repaid_cents, pending_raise_cents, raise_proposed_by,
                   usage_report_due, usage_report_overdue, review_overdue, decision_overdue
              from grant_view""";

    private static final String TRANCHES = """
            select grant_id, tranche, amount_cents, disbursed_on, spent_reported_on, spending_overdue
              from grant_tranche""";

    private static final RowMapper<GrantView> ROW = (rs, i) -> {
        long disbursed = rs.getLong("disbursed_cents");
        long openRequest = rs.getLong("funds_requested_cents"); // drawn and not yet disbursed
        Long volunteersReached = Rows.longOrNull(rs, "volunteers_reached");
        return new GrantView(
                new GrantId(UUID.fromString(rs.getString("grant_id").trim())),
                new CentreId(rs.getString("centre_id")), rs.getString("centre_name"),
                Regierungsbezirk.valueOf(rs.getString("region")), rs.getInt("funding_year"),
                ProgrammePart.valueOf(rs.getString("programme_part")), rs.getString("title"), rs.getString("purpose"),
                GrantStatus.valueOf(rs.getString("status")), Rows.money(rs, "requested_cents"),
                Rows.money(rs, "approved_cents"), Rows.enumOrNull(Recommendation.class, rs.getString("recommendation")),
                rs.getString("review_note"), rs.getString("decision_note"), Rows.date(rs, "applied_on"),
                rs.getString("applied_by"), rs.getString("reviewed_by"), rs.getString("decided_by"),
                Rows.date(rs, "decided_on"), rs.getString("next_step"),
                Money.ofCents(disbursed), Money.ofCents(openRequest), Rows.money(rs, "spent_cents"),
                volunteersReached == null ? null : volunteersReached.intValue(), rs.getString("usage_report"),
                Rows.date(rs, "reported_on"), rs.getString("check_note"), Rows.date(rs, "closed_on"),
                Rows.money(rs, "repayment_demanded_cents"), Rows.money(rs, "repaid_cents"),
                Rows.money(rs, "pending_raise_cents"), rs.getString("raise_proposed_by"),
                Rows.date(rs, "usage_report_due"), rs.getBoolean("usage_report_overdue"), rs.getBoolean("review_overdue"),
                rs.getBoolean("decision_overdue"), List.of());
    };

    /** A tranche; its spending is due two months after the disbursement (ProgrammeDates.spendingDueOn). */
    private static final RowMapper<GrantTranche> TRANCHE = (rs, i) -> {
        LocalDate disbursedOn = Rows.date(rs, "disbursed_on");
        return new GrantTranche(rs.getInt("tranche"), Rows.money(rs, "amount_cents"), disbursedOn,
                disbursedOn == null ? null : ProgrammeDates.spendingDueOn(disbursedOn), Rows.date(rs, "spent_reported_on"),
                rs.getBoolean("spending_overdue"));
    };

    private static final RowMapper<GrantHistoryEntry> ENTRY = (rs, i) -> new GrantHistoryEntry(
            rs.getLong("sequence_number"), rs.getString("fact"), Rows.instant(rs, "occurred_at"),
            rs.getString("actor_account"), Rows.enumOrNull(AccountRole.class, rs.getString("actor_role")),
            Rows.enumOrNull(GrantStatus.class, rs.getString("status_before")),
            GrantStatus.valueOf(rs.getString("status_after")),
            Rows.money(rs, "approved_before_cents"), Rows.money(rs, "approved_after_cents"),
            Rows.money(rs, "amount_cents"), rs.getString("reason"),
            Rows.money(rs, "disbursed_before_cents"), Rows.money(rs, "disbursed_after_cents"),
            Rows.date(rs, "due_before"), Rows.date(rs, "due_on"));

    private final NamedParameterJdbcTemplate jdbc;

    public GrantQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Grants by centre, funding year, status, programme part and Regierungsbezirk; a coordinator's
     * query is limited to their centre.
     */
    @QueryHandler
    public List<GrantView> handle(FindGrantsQuery query, MetaData metaData) {
        Actor actor = ReadAccess.actor(metaData);
        ReadAccess.requireGrantReader(actor);
        CentreId centreId = query.centreId();
        if (ReadAccess.readsOwnCentresGrantsOnly(actor)) {
            if (centreId == null) {
                centreId = actor.centre();
            }
            ReadAccess.requireGrantOf(actor, centreId);
        }
        MapSqlParameterSource p = new MapSqlParameterSource();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (centreId != null) {
            where.append(" and centre_id = :centreId");
            p.addValue("centreId", centreId.value());
        }
        if (query.fundingYear() != null) {
            where.append(" and funding_year = :fundingYear");
            p.addValue("fundingYear", query.fundingYear());
        }
        if (query.status() != null) {
            where.append(" and status = :status");
            p.addValue("status", query.status().name());
        }
        if (query.programmePart() != null) {
            where.append(" and programme_part = :programmePart");
            p.addValue("programmePart", query.programmePart().name());
        }
        if (query.regierungsbezirk() != null) {
            where.append(" and region = :region");
            p.addValue("region", query.regierungsbezirk().name());
        }
        List<GrantView> grants = jdbc.query(SELECT + where + " order by funding_year desc, centre_id, applied_on, title, grant_id", p, ROW);
        return withTranches(grants, TRANCHES + " where grant_id in (select grant_id from grant_view" + where + ")", p);
    }

    @QueryHandler
    public GrantView handle(FindGrantQuery query, MetaData metaData) {
        Actor actor = ReadAccess.actor(metaData);
        ReadAccess.requireGrantReader(actor);
        GrantView grant = find(query.grantId());
        ReadAccess.requireGrantOf(actor, grant.centreId());
        return grant;
    }

    /** Every fact of one grant in order, with who, when, why and the amounts before and after. */
    @QueryHandler
    public GrantHistory handle(FetchGrantHistoryQuery query, MetaData metaData) {
        Actor actor = ReadAccess.actor(metaData);
        ReadAccess.requireGrantReader(actor);
        GrantView grant = find(query.grantId());
        ReadAccess.requireGrantOf(actor, grant.centreId());
        List<GrantHistoryEntry> entries = jdbc.query("""
                select sequence_number, fact, occurred_at, actor_account, actor_role, status_before, status_after,
                       approved_before_cents, approved_after_cents, amount_cents, reason,
                       disbursed_before_cents, disbursed_after_cents, due_before, due_on
                  from grant_history where grant_id = :grantId order by sequence_number""",
                Map.of("grantId", query.grantId().toString()), ENTRY);
        return new GrantHistory(grant.grantId(), grant.centreId(), List.copyOf(entries));
    }

    private GrantView find(GrantId grantId) {
        if (grantId == null) {
            throw new InvalidInputException("grantId.missing", "Die Kennung der Zuwendung fehlt.");
        }
        MapSqlParameterSource p = new MapSqlParameterSource("grantId", grantId.toString());
        List<GrantView> found = withTranches(jdbc.query(SELECT + " where grant_id = :grantId", p, ROW),
                TRANCHES + " where grant_id = :grantId", p);
        return found.stream().findFirst()
                .orElseThrow(() -> new NotFoundException("grant.not-found", "Diese Zuwendung ist nicht bekannt."));
    }

    /** The grants with their tranches, in order (one statement for all of them). */
    private List<GrantView> withTranches(List<GrantView> grants, String tranchesSql, MapSqlParameterSource p) {
        if (grants.isEmpty()) {
            return grants;
        }
        Map<String, List<GrantTranche>> byGrant = new HashMap<>();
        jdbc.query(tranchesSql + " order by grant_id, tranche", p, rs -> {
            byGrant.computeIfAbsent(rs.getString("grant_id").trim(), k -> new ArrayList<>()).add(TRANCHE.mapRow(rs, 0));
        });
        if (byGrant.isEmpty()) {
            return grants;
        }
        return grants.stream().map(g -> {
            List<GrantTranche> tranches = byGrant.get(g.grantId().toString());
            return tranches == null ? g : withTranches(g, tranches);
        }).toList();
    }

    private static GrantView withTranches(GrantView g, List<GrantTranche> tranches) {
        return new GrantView(g.grantId(), g.centreId(), g.centreName(), g.regierungsbezirk(), g.fundingYear(),
                g.programmePart(), g.title(), g.purpose(), g.status(), g.requestedAmount(), g.approvedAmount(),
                g.recommendation(), g.reviewNote(), g.decisionNote(), g.appliedOn(), g.appliedBy(), g.reviewedBy(),
                g.decidedBy(), g.decidedOn(), g.nextStep(), g.disbursedAmount(), g.fundsRequested(), g.spentAmount(),
                g.volunteersReached(), g.usageReport(), g.reportedOn(), g.checkNote(), g.closedOn(), g.repaymentDemanded(),
                g.repaidAmount(), g.pendingRaise(), g.raiseProposedBy(), g.usageReportDue(), g.usageReportOverdue(),
                g.reviewOverdue(), g.decisionOverdue(), tranches);
    }
}
