package nrw.komman.query.grant;

import nrw.komman.kernel.centre.CentreEstablishedEvent;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.grant.FundsRequestedEvent;
import nrw.komman.kernel.grant.GrantAmendedEvent;
import nrw.komman.kernel.grant.GrantAppliedEvent;
import nrw.komman.kernel.grant.GrantApprovedEvent;
import nrw.komman.kernel.grant.GrantClosedEvent;
import nrw.komman.kernel.grant.GrantFact;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.GrantNextStep;
import nrw.komman.kernel.grant.GrantRaiseProposedEvent;
import nrw.komman.kernel.grant.GrantRaiseWithdrawnEvent;
import nrw.komman.kernel.grant.GrantRejectedEvent;
import nrw.komman.kernel.grant.GrantReviewedEvent;
import nrw.komman.kernel.grant.GrantStatus;
import nrw.komman.kernel.grant.GrantWithdrawnEvent;
import nrw.komman.kernel.grant.DecisionOverdueEvent;
import nrw.komman.kernel.grant.ProgrammeDates;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.kernel.grant.RepaymentReceivedEvent;
import nrw.komman.kernel.grant.ReviewOverdueEvent;
import nrw.komman.kernel.grant.TrancheDisbursedEvent;
import nrw.komman.kernel.grant.TrancheSpendingOverdueEvent;
import nrw.komman.kernel.grant.TrancheSpentReportedEvent;
import nrw.komman.kernel.grant.UsageReportDueExtendedEvent;
import nrw.komman.kernel.grant.UsageReportDueSoonEvent;
import nrw.komman.kernel.grant.UsageReportOverdueEvent;
import nrw.komman.kernel.grant.UsageReportSubmittedEvent;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Projects the grants register ({@code grant_view}) and every grant's history
 * ({@code grant_history}, one row per event in aggregate sequence), with who did it from the
 * event metadata ({@link Actor#ACCOUNT}, {@link Actor#ROLE}). Keeps its own copy of the centres'
 * names ({@code grant_centre}) so it never reads another group's tables. Owned by {@code grant-views}.
 *
 * <p>An event whose sequence number the grant has already seen changes nothing, so processing it
 * twice is harmless. Every handler writes absolute values computed from the stored state, never
 * increments in SQL, for the same reason.
 *
 * <p>The history's "before" and "after" columns are the register's values before and after the fact;
 * the disbursed total is zero from the application on (nothing existed before it).
 * <p>The dates that matter (issue 19): the usage report's due date (the approval's, or the programme part's default
 * for approvals that named none), the flags of what the platform recorded as overdue (cleared by what answers them:
 * the review, the decision, the usage report, an extension), and each tranche in {@code grant_tranche} with its
 * spending reported or overdue.
 * <p>Why this size: one handler per grant event, each writing the register's row and the history's row with the amounts before and after.
 */
@Component
@ProcessingGroup(ProcessingGroups.GRANT_VIEWS)
public class GrantProjection implements RebuildableProjection {

    /** The tables it writes (ADR 17). */
    private static final TableNames TABLES = TableNames.of("grant_view", "grant_history", "grant_centre", "grant_tranche");

    private final NamedParameterJdbcTemplate jdbc;
    private final TableNames tables;

    @Autowired
    public GrantProjection(NamedParameterJdbcTemplate jdbc) {
        this(jdbc, TABLES);
    }

    private GrantProjection(NamedParameterJdbcTemplate jdbc, TableNames tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    @Override
    public TableNames tables() {
        return tables;
    }

    @Override
    public GrantProjection copyOver(TableNames generation) {
        return new GrantProjection(jdbc, generation);
    }

    @EventHandler
    public void on(CentreEstablishedEvent event) {
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("centreId", event.centreId().value())
                .addValue("name", event.name());
        if (jdbc.update(tables.sql("update {grant_centre} set name = :name where centre_id = :centreId"), p) == 0) {
            jdbc.update(tables.sql("insert into {grant_centre} (centre_id, name) values (:centreId, :name)"), p);
        }
        jdbc.update(tables.sql("update {grant_view} set centre_name = :name where centre_id = :centreId"), p);
    }

    @EventHandler
    public void on(GrantAppliedEvent event, MetaData metaData, @Timestamp Instant occurredAt,
                   @SequenceNumber long sequence) {
        if (current(event.grantId()).isPresent()) {
            return; // already projected
        }
        CentreId centreId = event.centreId();
        List<String> names = jdbc.queryForList(tables.sql("select name from {grant_centre} where centre_id = :centreId"),
                Map.of("centreId", centreId.value()), String.class);
        LocalDate appliedOn = event.appliedOn() != null ? event.appliedOn() : dateOf(occurredAt);
        Current state = Current.applied(sequence);
        jdbc.update(tables.sql("""
                insert into {grant_view} (grant_id, centre_id, centre_name, region, funding_year, programme_part, title,
                                        purpose, status, requested_cents, approved_cents, recommendation, review_note,
                                        decision_note, applied_on, applied_by, reviewed_by, decided_by, decided_on,
                                        next_step, last_sequence, disbursed_cents, funds_requested_cents, repaid_cents)
                values (:grantId, :centreId, :centreName, :region, :fundingYear, :programmePart, :title,
                        :purpose, :status, :requested, null, null, null,
                        null, :appliedOn, :appliedBy, null, null, null,
                        :nextStep, :sequence, 0, 0, 0)"""), new MapSqlParameterSource()
                .addValue("grantId", event.grantId().toString())
                .addValue("centreId", centreId.value())
                .addValue("centreName", names.isEmpty() ? null : names.get(0))
                .addValue("region", centreId.regierungsbezirk().name())
                .addValue("fundingYear", event.fundingYear())
                .addValue("programmePart", event.programmePart().name())
                .addValue("title", event.title())
                .addValue("purpose", event.purpose())
                .addValue("status", GrantStatus.APPLIED.name())
                .addValue("requested", event.requestedAmount().cents())
                .addValue("appliedOn", appliedOn)
                .addValue("appliedBy", account(metaData))
                .addValue("nextStep", state.nextStep())
                .addValue("sequence", sequence));
        history(event.grantId(), centreId, sequence, GrantFact.APPLIED, occurredAt, metaData,
                null, state, event.requestedAmount(), null);
    }

    @EventHandler
    public void on(GrantReviewedEvent event, MetaData metaData, @Timestamp Instant occurredAt,
                   @SequenceNumber long sequence) {
        Optional<Current> before = unseen(event.grantId(), sequence);
        if (before.isEmpty()) {
            return;
        }
        Current old = before.get();
        Current now = old.with(GrantStatus.REVIEWED, sequence);
        jdbc.update(tables.sql("""
                update {grant_view} set status = :status, recommendation = :recommendation, review_note = :note,
                       reviewed_by = :account, next_step = :nextStep, last_sequence = :sequence, review_overdue = false
                 where grant_id = :grantId"""), state(event.grantId(), now)
                .addValue("recommendation", Rows.name(event.recommendation()))
                .addValue("note", event.note())
                .addValue("account", account(metaData)));
        String reason = "Empfehlung: " + GrantWording.recommendation(event.recommendation())
                + (event.note() == null ? "" : ". " + event.note());
        history(event.grantId(), event.centreId(), sequence, GrantFact.REVIEWED, occurredAt, metaData,
                old, now, null, reason);
    }

    @EventHandler
    public void on(GrantApprovedEvent event, MetaData metaData, @Timestamp Instant occurredAt,
                   @SequenceNumber long sequence) {
        Optional<Current> before = unseen(event.grantId(), sequence);
        if (before.isEmpty()) {
            return;
        }
        Current old = before.get();
        Current now = old.with(GrantStatus.APPROVED, sequence).withApproved(event.approvedAmount());
        LocalDate approvedOn = event.approvedOn() != null ? event.approvedOn() : dateOf(occurredAt);
        jdbc.update(tables.sql("""
                update {grant_view} set status = :status, approved_cents = :approved, decision_note = :note,
                       decided_by = :account, decided_on = :decidedOn, next_step = :nextStep, last_sequence = :sequence,
                       usage_report_due = :usageReportDue, review_overdue = false, decision_overdue = false
                 where grant_id = :grantId"""),
                decision(event.grantId(), now, event.note(), metaData, approvedOn)
                        .addValue("usageReportDue", event.usageReportDue() != null ? event.usageReportDue()
                                : defaultUsageReportDue(event.grantId())));
        history(event.grantId(), event.centreId(), sequence, GrantFact.APPROVED, occurredAt, metaData,
                old, now, event.approvedAmount(), event.note());
    }

    @EventHandler
    public void on(GrantRejectedEvent event, MetaData metaData, @Timestamp Instant occurredAt,
                   @SequenceNumber long sequence) {
        end(event.grantId(), event.centreId(), GrantStatus.REJECTED, GrantFact.REJECTED, event.reason(),
                metaData, occurredAt, sequence);
    }

    /** A withdrawal ends the procedure like a decision: its reason, date and account are shown as such. */
    @EventHandler
    public void on(GrantWithdrawnEvent event, MetaData metaData, @Timestamp Instant occurredAt,
                   @SequenceNumber long sequence) {
        end(event.grantId(), event.centreId(), GrantStatus.WITHDRAWN, GrantFact.WITHDRAWN, event.reason(),
                metaData, occurredAt, sequence);
    }

    /** Änderungsbescheid: the approved amount changes; the decision itself (note, who, when) stays. */
    @EventHandler
    public void on(GrantAmendedEvent event, MetaData metaData, @Timestamp Instant occurredAt,
                   @SequenceNumber long sequence) {
        Optional<Current> before = unseen(event.grantId(), sequence);
        if (before.isEmpty()) {
            return;
        }
        Current old = before.get();
        if (event.approvedBefore() != null) {
            old = old.withApproved(event.approvedBefore()); // the fact's own "before" is what the auditor reads
        }
        Current now = old.with(old.status(), sequence).withApproved(event.approvedAfter());
        jdbc.update(tables.sql("""
                update {grant_view} set approved_cents = :approved, next_step = :nextStep, last_sequence = :sequence,
                       pending_raise_cents = null, raise_proposed_by = null
                 where grant_id = :grantId"""), state(event.grantId(), now));
        history(event.grantId(), event.centreId(), sequence, GrantFact.AMENDED, occurredAt, metaData,
                old, now, event.approvedAfter(), event.reason());
    }

    /** A raise proposed (ADR 26): a fact in the history; the approved amount changes only with its approval. */
    @EventHandler
    public void on(GrantRaiseProposedEvent event, MetaData metaData, @Timestamp Instant occurredAt,
                   @SequenceNumber long sequence) {
        pendingRaiseFact(event.grantId(), event.centreId(), GrantFact.RAISE_PROPOSED, event.proposedAmount(),
                account(metaData), event.reason(), metaData, occurredAt, sequence);
    }

    @EventHandler
    public void on(GrantRaiseWithdrawnEvent event, MetaData metaData, @Timestamp Instant occurredAt,
                   @SequenceNumber long sequence) {
        pendingRaiseFact(event.grantId(), event.centreId(), GrantFact.RAISE_WITHDRAWN, event.proposedAmount(),
                null, event.reason(), metaData, occurredAt, sequence);
    }

    /** {@code proposedBy} null: the raise no longer waits. */
    private void pendingRaiseFact(GrantId grantId, CentreId centreId, GrantFact fact, Money amount, String proposedBy,
                                  String reason, MetaData metaData, Instant occurredAt, long sequence) {
        Optional<Current> before = unseen(grantId, sequence);
        if (before.isEmpty()) {
            return;
        }
        Current old = before.get();
        Current now = old.with(old.status(), sequence);
        jdbc.update(tables.sql("""
                update {grant_view} set pending_raise_cents = :pending, raise_proposed_by = :proposedBy,
                       last_sequence = :sequence
                 where grant_id = :grantId"""), new MapSqlParameterSource()
                .addValue("pending", proposedBy == null ? null : amount.cents())
                .addValue("proposedBy", proposedBy)
                .addValue("sequence", sequence)
                .addValue("grantId", grantId.toString()));
        history(grantId, centreId, sequence, fact, occurredAt, metaData, old, now, amount, reason);
    }

    /** Mittelabruf by the centre: counts as open until the grant authority disburses it. */
    @EventHandler
    public void on(FundsRequestedEvent event, MetaData metaData, @Timestamp Instant occurredAt,
                   @SequenceNumber long sequence) {
        Optional<Current> before = unseen(event.grantId(), sequence);
        if (before.isEmpty()) {
            return;
        }
        Current old = before.get();
        Current now = old.with(old.status(), sequence).withFundsRequested(old.fundsRequested().plus(event.amount()));
        jdbc.update(tables.sql("""
                update {grant_view} set funds_requested_cents = :fundsRequested, next_step = :nextStep,
                       last_sequence = :sequence
                 where grant_id = :grantId"""), state(event.grantId(), now));
        history(event.grantId(), event.centreId(), sequence, GrantFact.FUNDS_REQUESTED, occurredAt, metaData,
                old, now, event.amount(), event.purpose());
    }

    @EventHandler
    public void on(TrancheDisbursedEvent event, MetaData metaData, @Timestamp Instant occurredAt,
                   @SequenceNumber long sequence) {
        Optional<Current> before = unseen(event.grantId(), sequence);
        if (before.isEmpty()) {
            return;
        }
        Current old = before.get();
        if (event.disbursedBefore() != null) {
            old = old.withDisbursed(event.disbursedBefore());
        }
        Money after = event.disbursedAfter() != null ? event.disbursedAfter() : old.disbursed().plus(event.amount());
        // as the aggregate counts: a tranche settles what was drawn before it, never a later request
        Current now = old.with(old.status(), sequence).withDisbursed(after)
                .withFundsRequested(Current.floored(old.fundsRequested(), event.amount()));
        jdbc.update(tables.sql("""
                update {grant_view} set disbursed_cents = :disbursed, funds_requested_cents = :fundsRequested,
                       next_step = :nextStep, last_sequence = :sequence
                 where grant_id = :grantId"""), state(event.grantId(), now));
        LocalDate disbursedOn = event.disbursedOn() != null ? event.disbursedOn() : dateOf(occurredAt);
        tranche(event.grantId(), event.centreId(), event.tranche(), event.amount(), disbursedOn);
        history(event.grantId(), event.centreId(), sequence, GrantFact.DISBURSED, occurredAt, metaData,
                old, now, event.amount(),
                "Tranche " + event.tranche() + ", ausgezahlt am " + Nrw.date(disbursedOn));
    }

    /** The narrative stays in the register; the history shows the figures only. */
    @EventHandler
    public void on(UsageReportSubmittedEvent event, MetaData metaData, @Timestamp Instant occurredAt,
                   @SequenceNumber long sequence) {
        Optional<Current> before = unseen(event.grantId(), sequence);
        if (before.isEmpty()) {
            return;
        }
        Current old = before.get();
        Current now = old.with(GrantStatus.USAGE_REPORTED, sequence)
                .withDisbursed(event.disbursed() != null ? event.disbursed() : old.disbursed())
                .withSpent(event.amountSpent())
                .withFundsRequested(Money.ZERO); // the report ends drawing funds
        LocalDate reportedOn = event.submittedOn() != null ? event.submittedOn() : dateOf(occurredAt);
        jdbc.update(tables.sql("""
                update {grant_view} set status = :status, disbursed_cents = :disbursed, spent_cents = :spent,
                       funds_requested_cents = :fundsRequested,
                       volunteers_reached = :volunteers, usage_report = :report, reported_on = :reportedOn,
                       next_step = :nextStep, last_sequence = :sequence, usage_report_overdue = false
                 where grant_id = :grantId"""), state(event.grantId(), now)
                .addValue("volunteers", event.volunteersReached())
                .addValue("report", event.report())
                .addValue("reportedOn", reportedOn));
        // the usage report accounts for all the money: no tranche's spending waits any more
        jdbc.update(tables.sql("update {grant_tranche} set spending_overdue = false where grant_id = :grantId"),
                Map.of("grantId", event.grantId().toString()));
        history(event.grantId(), event.centreId(), sequence, GrantFact.USAGE_REPORTED, occurredAt, metaData,
                old, now, event.amountSpent(),
                GrantWording.usageReportSummary(event.amountSpent(), event.volunteersReached()));
    }

    /** The checked usage report closes the grant; what was disbursed but not spent is demanded back. */
    @EventHandler
    public void on(GrantClosedEvent event, MetaData metaData, @Timestamp Instant occurredAt,
                   @SequenceNumber long sequence) {
        Optional<Current> before = unseen(event.grantId(), sequence);
        if (before.isEmpty()) {
            return;
        }
        Current old = before.get();
        Money disbursed = event.disbursed() != null ? event.disbursed() : old.disbursed();
        Money spent = event.spent() != null ? event.spent() : old.spent();
        Money demanded = event.repaymentDemanded() != null ? event.repaymentDemanded()
                : Current.floored(disbursed, spent == null ? Money.ZERO : spent);
        Current now = old.with(GrantStatus.CLOSED, sequence).withDisbursed(disbursed).withSpent(spent)
                .withRepaymentDemanded(demanded);
        LocalDate closedOn = event.closedOn() != null ? event.closedOn() : dateOf(occurredAt);
        jdbc.update(tables.sql("""
                update {grant_view} set status = :status, disbursed_cents = :disbursed, spent_cents = :spent,
                       funds_requested_cents = :fundsRequested,
                       repayment_demanded_cents = :demanded, check_note = :checkNote, closed_on = :closedOn,
                       next_step = :nextStep, last_sequence = :sequence
                 where grant_id = :grantId"""), state(event.grantId(), now)
                .addValue("checkNote", event.checkNote())
                .addValue("closedOn", closedOn));
        history(event.grantId(), event.centreId(), sequence, GrantFact.CLOSED, occurredAt, metaData,
                old, now, demanded, event.checkNote());
    }

    @EventHandler
    public void on(RepaymentReceivedEvent event, MetaData metaData, @Timestamp Instant occurredAt,
                   @SequenceNumber long sequence) {
        Optional<Current> before = unseen(event.grantId(), sequence);
        if (before.isEmpty()) {
            return;
        }
        Current old = before.get();
        Current now = old.with(old.status(), sequence).withRepaid(old.repaid().plus(event.amount()));
        jdbc.update(tables.sql("""
                update {grant_view} set repaid_cents = :repaid, next_step = :nextStep, last_sequence = :sequence
                 where grant_id = :grantId"""), state(event.grantId(), now));
        LocalDate receivedOn = event.receivedOn() != null ? event.receivedOn() : dateOf(occurredAt);
        Money outstanding = event.outstandingAfter() != null ? event.outstandingAfter() : now.repaymentOutstanding();
        history(event.grantId(), event.centreId(), sequence, GrantFact.REPAID, occurredAt, metaData,
                old, now, event.amount(),
                "Eingegangen am " + Nrw.date(receivedOn) + ", noch offen: " + Nrw.euros(outstanding));
    }

    // ---- the dates that matter (issue 19) ----------------------------------------------------------

    /** The reminder: the usage report is due soon. A fact of the history; the register keeps the due date it has. */
    @EventHandler
    public void on(UsageReportDueSoonEvent event, MetaData metaData, @Timestamp Instant occurredAt,
                   @SequenceNumber long sequence) {
        dateFact(event.grantId(), event.centreId(), sequence, GrantFact.USAGE_REPORT_DUE_SOON, null, occurredAt, metaData,
                null, event.dueOn(), null, null);
    }

    @EventHandler
    public void on(UsageReportOverdueEvent event, MetaData metaData, @Timestamp Instant occurredAt,
                   @SequenceNumber long sequence) {
        dateFact(event.grantId(), event.centreId(), sequence, GrantFact.USAGE_REPORT_OVERDUE, GrantFact.USAGE_REPORT_OVERDUE,
                occurredAt, metaData, null, event.dueOn(), null, null);
    }

    /** The grant authority moved the date: what was overdue is not any more (a new date that passes is a new fact). */
    @EventHandler
    public void on(UsageReportDueExtendedEvent event, MetaData metaData, @Timestamp Instant occurredAt,
                   @SequenceNumber long sequence) {
        Optional<Current> before = unseen(event.grantId(), sequence);
        if (before.isEmpty()) {
            return;
        }
        jdbc.update(tables.sql("""
                update {grant_view} set usage_report_due = :dueOn, usage_report_overdue = false, last_sequence = :sequence
                 where grant_id = :grantId"""), new MapSqlParameterSource()
                .addValue("dueOn", event.dueAfter())
                .addValue("sequence", sequence)
                .addValue("grantId", event.grantId().toString()));
        Current old = before.get();
        history(event.grantId(), event.centreId(), sequence, GrantFact.USAGE_REPORT_DUE_EXTENDED, occurredAt, metaData,
                old, old.with(old.status(), sequence), null, event.reason(), event.dueBefore(), event.dueAfter());
    }

    @EventHandler
    public void on(TrancheSpentReportedEvent event, MetaData metaData, @Timestamp Instant occurredAt,
                   @SequenceNumber long sequence) {
        Optional<Current> before = unseen(event.grantId(), sequence);
        if (before.isEmpty()) {
            return;
        }
        LocalDate reportedOn = event.reportedOn() != null ? event.reportedOn() : dateOf(occurredAt);
        jdbc.update(tables.sql("""
                update {grant_tranche} set spent_reported_on = :reportedOn, spending_overdue = false
                 where grant_id = :grantId and tranche = :tranche"""), new MapSqlParameterSource()
                .addValue("reportedOn", reportedOn)
                .addValue("grantId", event.grantId().toString())
                .addValue("tranche", event.tranche()));
        Money amount = jdbc.query(tables.sql("""
                        select amount_cents from {grant_tranche} where grant_id = :grantId and tranche = :tranche"""),
                Map.of("grantId", event.grantId().toString(), "tranche", event.tranche()),
                (rs, i) -> Money.ofCents(rs.getLong(1))).stream().findFirst().orElse(null);
        dateFact(event.grantId(), event.centreId(), sequence, GrantFact.TRANCHE_SPENT_REPORTED, null, occurredAt, metaData,
                amount, null, null, "Tranche " + event.tranche());
    }

    @EventHandler
    public void on(TrancheSpendingOverdueEvent event, MetaData metaData, @Timestamp Instant occurredAt,
                   @SequenceNumber long sequence) {
        if (unseen(event.grantId(), sequence).isEmpty()) {
            return;
        }
        // a tranche disbursed before the register knew tranches has its row from the history (V46) or from here
        LocalDate disbursedOn = event.disbursedOn() != null ? event.disbursedOn()
                : event.dueOn() != null ? event.dueOn().minus(ProgrammeDates.SPENDING_WITHIN) : dateOf(occurredAt);
        tranche(event.grantId(), event.centreId(), event.tranche(), event.amount(), disbursedOn);
        jdbc.update(tables.sql("""
                update {grant_tranche} set spending_overdue = true
                 where grant_id = :grantId and tranche = :tranche and spent_reported_on is null"""),
                new MapSqlParameterSource()
                        .addValue("grantId", event.grantId().toString())
                        .addValue("tranche", event.tranche()));
        dateFact(event.grantId(), event.centreId(), sequence, GrantFact.TRANCHE_SPENDING_OVERDUE, null, occurredAt, metaData,
                event.amount(), null, event.dueOn(), "Tranche " + event.tranche()
                        + (event.disbursedOn() == null ? "" : ", ausgezahlt am " + Nrw.date(event.disbursedOn())));
    }

    @EventHandler
    public void on(ReviewOverdueEvent event, MetaData metaData, @Timestamp Instant occurredAt,
                   @SequenceNumber long sequence) {
        dateFact(event.grantId(), event.centreId(), sequence, GrantFact.REVIEW_OVERDUE, GrantFact.REVIEW_OVERDUE,
                occurredAt, metaData, null, event.dueOn(), null, null);
    }

    @EventHandler
    public void on(DecisionOverdueEvent event, MetaData metaData, @Timestamp Instant occurredAt,
                   @SequenceNumber long sequence) {
        dateFact(event.grantId(), event.centreId(), sequence, GrantFact.DECISION_OVERDUE, GrantFact.DECISION_OVERDUE,
                occurredAt, metaData, null, event.dueOn(), null, null);
    }

    /**
     * A fact of a date: the history's row, and in the register the grant's sequence and, for an overdue fact
     * ({@code overdue}: USAGE_REPORT_OVERDUE, REVIEW_OVERDUE or DECISION_OVERDUE; null for the others), its flag.
     */
    private void dateFact(GrantId grantId, CentreId centreId, long sequence, GrantFact fact, GrantFact overdue,
                          Instant occurredAt, MetaData metaData, Money amount, LocalDate dueOn, LocalDate trancheDueOn,
                          String reason) {
        Optional<Current> before = unseen(grantId, sequence);
        if (before.isEmpty()) {
            return;
        }
        jdbc.update(tables.sql("""
                update {grant_view} set
                       usage_report_overdue = case when :usageReport then true else usage_report_overdue end,
                       review_overdue = case when :review then true else review_overdue end,
                       decision_overdue = case when :decision then true else decision_overdue end,
                       last_sequence = :sequence
                 where grant_id = :grantId"""), new MapSqlParameterSource()
                .addValue("usageReport", overdue == GrantFact.USAGE_REPORT_OVERDUE)
                .addValue("review", overdue == GrantFact.REVIEW_OVERDUE)
                .addValue("decision", overdue == GrantFact.DECISION_OVERDUE)
                .addValue("sequence", sequence)
                .addValue("grantId", grantId.toString()));
        Current old = before.get();
        history(grantId, centreId, sequence, fact, occurredAt, metaData, old, old.with(old.status(), sequence), amount,
                reason, null, dueOn != null ? dueOn : trancheDueOn);
    }

    /** A tranche's row, once: a redelivered disbursement or a later fact of it leaves the row as it is. */
    private void tranche(GrantId grantId, CentreId centreId, int tranche, Money amount, LocalDate disbursedOn) {
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("grantId", grantId.toString())
                .addValue("tranche", tranche)
                .addValue("centreId", centreId.value())
                .addValue("amount", amount == null ? 0L : amount.cents())
                .addValue("disbursedOn", disbursedOn);
        Integer exists = jdbc.queryForObject(tables.sql(
                "select count(*) from {grant_tranche} where grant_id = :grantId and tranche = :tranche"), p, Integer.class);
        if (exists == null || exists == 0) {
            jdbc.update(tables.sql("""
                    insert into {grant_tranche} (grant_id, tranche, centre_id, amount_cents, disbursed_on, spent_reported_on,
                                               spending_overdue)
                    values (:grantId, :tranche, :centreId, :amount, :disbursedOn, null, false)"""), p);
        }
    }

    /** The usage report's day for an approval that named none: the programme part's default (ProgrammeDates). */
    private LocalDate defaultUsageReportDue(GrantId grantId) {
        return jdbc.query(tables.sql("select programme_part, funding_year from {grant_view} where grant_id = :grantId"),
                        Map.of("grantId", grantId.toString()),
                        (rs, i) -> ProgrammeDates.defaults(ProgrammePart.valueOf(rs.getString("programme_part")))
                                .usageReportDue(rs.getInt("funding_year")))
                .stream().findFirst().orElse(null);
    }

    @ResetHandler
    public void reset() {
        jdbc.getJdbcOperations().update(tables.sql("delete from {grant_history}"));
        jdbc.getJdbcOperations().update(tables.sql("delete from {grant_tranche}"));
        jdbc.getJdbcOperations().update(tables.sql("delete from {grant_view}"));
        jdbc.getJdbcOperations().update(tables.sql("delete from {grant_centre}"));
    }

    private void end(GrantId grantId, CentreId centreId, GrantStatus status, GrantFact fact, String reason,
                     MetaData metaData, Instant occurredAt, long sequence) {
        Optional<Current> before = unseen(grantId, sequence);
        if (before.isEmpty()) {
            return;
        }
        Current old = before.get();
        Current now = old.with(status, sequence);
        jdbc.update(tables.sql("""
                update {grant_view} set status = :status, decision_note = :note, decided_by = :account,
                       decided_on = :decidedOn, next_step = :nextStep, last_sequence = :sequence,
                       review_overdue = false, decision_overdue = false
                 where grant_id = :grantId"""),
                decision(grantId, now, reason, metaData, dateOf(occurredAt)));
        history(grantId, centreId, sequence, fact, occurredAt, metaData, old, now, null, reason);
    }

    /** The parameters every update of a grant's state may use (a statement takes those it names). */
    private static MapSqlParameterSource state(GrantId grantId, Current now) {
        return new MapSqlParameterSource()
                .addValue("grantId", grantId.toString())
                .addValue("status", now.status().name())
                .addValue("approved", Rows.cents(now.approved()))
                .addValue("disbursed", now.disbursed().cents())
                .addValue("fundsRequested", now.fundsRequested().cents())
                .addValue("spent", Rows.cents(now.spent()))
                .addValue("demanded", Rows.cents(now.repaymentDemanded()))
                .addValue("repaid", now.repaid().cents())
                .addValue("nextStep", now.nextStep())
                .addValue("sequence", now.lastSequence());
    }

    private static MapSqlParameterSource decision(GrantId grantId, Current now, String note, MetaData metaData,
                                                  LocalDate decidedOn) {
        return state(grantId, now)
                .addValue("note", note)
                .addValue("account", account(metaData))
                .addValue("decidedOn", decidedOn);
    }

    private void history(GrantId grantId, CentreId centreId, long sequence, GrantFact fact, Instant occurredAt,
                         MetaData metaData, Current before, Current after, Money amount, String reason) {
        history(grantId, centreId, sequence, fact, occurredAt, metaData, before, after, amount, reason, null, null);
    }

    private void history(GrantId grantId, CentreId centreId, long sequence, GrantFact fact, Instant occurredAt,
                         MetaData metaData, Current before, Current after, Money amount, String reason,
                         LocalDate dueBefore, LocalDate dueOn) {
        jdbc.update(tables.sql("""
                insert into {grant_history} (grant_id, sequence_number, centre_id, fact, occurred_at, actor_account,
                                           actor_role, status_before, status_after, approved_before_cents,
                                           approved_after_cents, amount_cents, reason, disbursed_before_cents,
                                           disbursed_after_cents, due_before, due_on)
                values (:grantId, :sequence, :centreId, :fact, :occurredAt, :account,
                        :role, :statusBefore, :statusAfter, :approvedBefore,
                        :approvedAfter, :amount, :reason, :disbursedBefore,
                        :disbursedAfter, :dueBefore, :dueOn)"""), new MapSqlParameterSource()
                .addValue("dueBefore", dueBefore)
                .addValue("dueOn", dueOn)
                .addValue("grantId", grantId.toString())
                .addValue("sequence", sequence)
                .addValue("centreId", centreId.value())
                .addValue("fact", fact.name())
                .addValue("occurredAt", Rows.timestamp(occurredAt))
                .addValue("account", account(metaData))
                .addValue("role", Rows.name(role(metaData)))
                .addValue("statusBefore", before == null ? null : before.status().name())
                .addValue("statusAfter", after.status().name())
                .addValue("approvedBefore", before == null ? null : Rows.cents(before.approved()))
                .addValue("approvedAfter", Rows.cents(after.approved()))
                .addValue("amount", Rows.cents(amount))
                .addValue("reason", reason)
                .addValue("disbursedBefore", before == null ? null : before.disbursed().cents())
                .addValue("disbursedAfter", after.disbursed().cents()));
    }

    /** The grant as it stands, if it exists and has not yet seen this sequence number. */
    private Optional<Current> unseen(GrantId grantId, long sequence) {
        return current(grantId).filter(c -> sequence > c.lastSequence());
    }

    private Optional<Current> current(GrantId grantId) {
        return jdbc.query(tables.sql("""
                        select status, approved_cents, disbursed_cents, funds_requested_cents, spent_cents,
                               repayment_demanded_cents, repaid_cents, last_sequence
                          from {grant_view} where grant_id = :grantId"""),
                        Map.of("grantId", grantId.toString()),
                        (rs, i) -> new Current(GrantStatus.valueOf(rs.getString("status")),
                                Rows.money(rs, "approved_cents"), Rows.money(rs, "disbursed_cents"),
                                Rows.money(rs, "funds_requested_cents"), Rows.money(rs, "spent_cents"),
                                Rows.money(rs, "repayment_demanded_cents"), Rows.money(rs, "repaid_cents"),
                                rs.getLong("last_sequence")))
                .stream().findFirst();
    }

    private static LocalDate dateOf(Instant occurredAt) {
        return Nrw.dateOf(occurredAt);
    }

    private static String account(MetaData metaData) {
        Object account = metaData == null ? null : metaData.get(Actor.ACCOUNT);
        if (account == null) {
            return null;
        }
        String text = account.toString();
        return text.length() > 200 ? text.substring(0, 200) : text; // the column's width; accounts are shorter

    }

    private static AccountRole role(MetaData metaData) {
        Object role = metaData == null ? null : metaData.get(Actor.ROLE);
        if (role == null) {
            return null;
        }
        try {
            return AccountRole.valueOf(role.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A grant's state as the register holds it. {@code fundsRequested} is what the centre has drawn and not yet
     * received: each request adds to it, each tranche settles up to its amount, the usage report ends it (the
     * same count as the {@code Grant} aggregate's).
     */
    private record Current(GrantStatus status, Money approved, Money disbursed, Money fundsRequested, Money spent,
                           Money repaymentDemanded, Money repaid, long lastSequence) {

        static Current applied(long sequence) {
            return new Current(GrantStatus.APPLIED, null, Money.ZERO, Money.ZERO, null, null, Money.ZERO, sequence);
        }

        Current with(GrantStatus newStatus, long sequence) {
            return new Current(newStatus, approved, disbursed, fundsRequested, spent, repaymentDemanded, repaid, sequence);
        }

        Current withApproved(Money amount) {
            return new Current(status, amount, disbursed, fundsRequested, spent, repaymentDemanded, repaid, lastSequence);
        }

        Current withDisbursed(Money amount) {
            return new Current(status, approved, amount, fundsRequested, spent, repaymentDemanded, repaid, lastSequence);
        }

        Current withFundsRequested(Money amount) {
            return new Current(status, approved, disbursed, amount, spent, repaymentDemanded, repaid, lastSequence);
        }

        Current withSpent(Money amount) {
            return new Current(status, approved, disbursed, fundsRequested, amount, repaymentDemanded, repaid, lastSequence);
        }

        Current withRepaymentDemanded(Money amount) {
            return new Current(status, approved, disbursed, fundsRequested, spent, amount, repaid, lastSequence);
        }

        Current withRepaid(Money amount) {
            return new Current(status, approved, disbursed, fundsRequested, spent, repaymentDemanded, amount, lastSequence);
        }

        Money openFundsRequest() {
            return fundsRequested;
        }

        Money disbursable() {
            return approved == null ? Money.ZERO : floored(approved, disbursed);
        }

        Money repaymentOutstanding() {
            return repaymentDemanded == null ? Money.ZERO : floored(repaymentDemanded, repaid);
        }

        String nextStep() {
            return GrantNextStep.of(status, openFundsRequest(), disbursable(), repaymentOutstanding()).name();
        }

        /** a − b, never below zero: a projection must not stop on an odd event. */
        static Money floored(Money a, Money b) {
            return a.isLessThan(b) ? Money.ZERO : a.minus(b);
        }
    }
}
