package nrw.komman.command.grant;

import nrw.komman.command.CommandSideConfiguration;
import nrw.komman.command.budget.BudgetLedger;
import nrw.komman.command.centre.CentreRegistry;
import nrw.komman.command.common.Actors;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.grant.AmendGrantCommand;
import nrw.komman.kernel.grant.AmendmentOutcome;
import nrw.komman.kernel.grant.ApplyForGrantCommand;
import nrw.komman.kernel.grant.ApproveGrantCommand;
import nrw.komman.kernel.grant.ApproveGrantRaiseCommand;
import nrw.komman.kernel.grant.GrantRaiseProposedEvent;
import nrw.komman.kernel.grant.GrantRaiseWithdrawnEvent;
import nrw.komman.kernel.grant.WithdrawGrantRaiseCommand;
import nrw.komman.kernel.grant.CloseGrantCommand;
import nrw.komman.kernel.grant.DisburseTrancheCommand;
import nrw.komman.kernel.grant.FundsRequestedEvent;
import nrw.komman.kernel.grant.GrantAmendedEvent;
import nrw.komman.kernel.grant.GrantAppliedEvent;
import nrw.komman.kernel.grant.GrantApprovedEvent;
import nrw.komman.kernel.grant.GrantClosedEvent;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.GrantRejectedEvent;
import nrw.komman.kernel.grant.GrantReviewedEvent;
import nrw.komman.kernel.grant.GrantStatus;
import nrw.komman.kernel.grant.GrantWithdrawnEvent;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.kernel.grant.RecordRepaymentCommand;
import nrw.komman.kernel.grant.RejectGrantCommand;
import nrw.komman.kernel.grant.RepaymentReceivedEvent;
import nrw.komman.kernel.grant.RequestFundsCommand;
import nrw.komman.kernel.grant.ReviewGrantCommand;
import nrw.komman.kernel.grant.SubmitUsageReportCommand;
import nrw.komman.kernel.grant.TrancheDisbursedEvent;
import nrw.komman.kernel.grant.UsageReportSubmittedEvent;
import nrw.komman.kernel.grant.WithdrawGrantApplicationCommand;
import nrw.komman.kernel.grant.DecisionOverdueEvent;
import nrw.komman.kernel.grant.ExtendUsageReportDueCommand;
import nrw.komman.kernel.grant.ProgrammeDates;
import nrw.komman.kernel.grant.ReportTrancheSpentCommand;
import nrw.komman.kernel.grant.ReviewOverdueEvent;
import nrw.komman.kernel.grant.ScheduleGrantDatesCommand;
import nrw.komman.kernel.grant.TrancheSpendingOverdueEvent;
import nrw.komman.kernel.grant.TrancheSpentReportedEvent;
import nrw.komman.kernel.grant.UsageReportDueExtendedEvent;
import nrw.komman.kernel.grant.UsageReportDueSoonEvent;
import nrw.komman.kernel.grant.UsageReportOverdueEvent;
import nrw.komman.kernel.access.Action;
import nrw.komman.kernel.access.Permissions;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A grant (Zuwendung) from application to closing:
 * <pre>
 * APPLIED ──review──▶ REVIEWED ──approve──▶ APPROVED ──usage report──▶ USAGE_REPORTED ──close──▶ CLOSED
 *    │                   └──────reject───▶ REJECTED     ↺ amend, request funds, disburse            ↺ repayment
 *    └──── withdraw (APPLIED or REVIEWED) ─▶ WITHDRAWN
 * </pre>
 * An amendment that raises the approved amount is a proposal until a second ministry account approves it (ADR 26).
 * Nothing happens to a rejected, withdrawn or closed grant, except that a closed grant's repayment
 * demand is paid. The amounts are kept exact in cents: approved ≤ requested, disbursed ≤ approved,
 * spent ≤ disbursed, repayment demand = disbursed − spent. Approvals and amendments are checked against
 * the ministry's budgets by the {@link BudgetLedger}, in the same transaction as the event (ADR 0007).
 * The accounts of applicant and reviewer are kept from the events' metadata for the four-eyes rule.
 * <p>The dates that matter (issue 19) are Axon deadlines, scheduled where the step that starts them happens and
 * written in the command's transaction (db-scheduler): the review and the decision of an application, the usage
 * report (a reminder before it, its passing) and the spending of each tranche. When one fires, {@link #on(GrantDate, Clock)}
 * records its fact only if it still applies; a later extension or step makes an older deadline stale, so none is
 * ever cancelled.
 * <p>Why this size: one aggregate for the grant's whole life above, one command handler and one event sourcing handler per step, and the dates of those steps as deadlines with one handler that records each only while it applies (ADR 36); the permissions come from the map, the budget check from the ledger, a part's dates from ProgrammeDatesRegistry.
 */
@Aggregate(cache = CommandSideConfiguration.GRANT_CACHE)
public class Grant {

    /** The regular course of a grant, in order; rejected and withdrawn leave it. */
    private static final List<GrantStatus> LIFE = List.of(GrantStatus.APPLIED, GrantStatus.REVIEWED,
            GrantStatus.APPROVED, GrantStatus.USAGE_REPORTED, GrantStatus.CLOSED);

    @AggregateIdentifier
    private GrantId grantId;
    private CentreId centreId;
    private int fundingYear;
    private ProgrammePart programmePart;
    private GrantStatus status;
    private Money requestedAmount;
    private Money approvedAmount;
    private LocalDate approvedOn;
    private Money disbursed = Money.ZERO;
    private Money fundsRequested = Money.ZERO; // drawn by the centre, not yet disbursed
    private int tranches;
    private Money spent;
    private LocalDate closedOn;
    private Money repaymentOutstanding = Money.ZERO;
    private String appliedBy;
    private String reviewedBy;
    private Money pendingRaise; // a raise proposed, not yet approved by a second account (ADR 26)
    private String raiseReason;
    private String raiseProposedBy;
    // the dates (issue 19)
    private LocalDate appliedOn;
    private LocalDate reviewedOn;
    private LocalDate usageReportDue;
    private boolean reviewOverdueRecorded;
    private boolean decisionOverdueRecorded;
    private LocalDate dueSoonRecordedFor;
    private LocalDate overdueRecordedFor;
    private final Map<Integer, Tranche> trancheDates = new HashMap<>();

    /** What the dates need to know of a disbursed tranche. */
    private record Tranche(Money amount, LocalDate disbursedOn, boolean spentReported, boolean overdueRecorded) {
    }

    protected Grant() {
        // for Axon
    }

    @CommandHandler
    public Grant(ApplyForGrantCommand command, MetaData metaData, Clock clock, CentreRegistry centres,
                 ProgrammeDatesRegistry programmeDates, DeadlineManager deadlines) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.APPLY_FOR_GRANT, command.centreId());
        LocalDate today = Nrw.today(clock);
        centres.requireOpenOn(command.centreId(), today);
        // no retroactive funding: a year that has ended can no longer be applied for
        if (command.fundingYear() < today.getYear()) {
            throw new RuleViolationException("grant.funding-year-ended",
                    "Das Förderjahr " + command.fundingYear() + " ist abgelaufen; dafür kann nichts mehr beantragt werden.");
        }
        apply(new GrantAppliedEvent(command.grantId(), command.centreId(), command.fundingYear(),
                command.programmePart(), command.title(), command.purpose(), command.requestedAmount(), today),
                Actors.metaDataOf(actor));
        LocalDate reviewDue = programmeDates.datesOf(command.programmePart()).reviewDueOn(today);
        schedule(deadlines, ProgrammeDates.passedAt(reviewDue), GrantDate.of(GrantDate.Kind.REVIEW, reviewDue));
    }

    @CommandHandler
    public void handle(ReviewGrantCommand command, MetaData metaData, Clock clock, ProgrammeDatesRegistry programmeDates,
                       DeadlineManager deadlines) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.REVIEW_GRANT);
        requireStatus("die Prüfung", GrantStatus.APPLIED);
        apply(new GrantReviewedEvent(grantId, centreId, command.recommendation(), command.note()),
                Actors.metaDataOf(actor));
        LocalDate decisionDue = programmeDates.datesOf(programmePart).decisionDueOn(Nrw.today(clock));
        schedule(deadlines, ProgrammeDates.passedAt(decisionDue), GrantDate.of(GrantDate.Kind.DECISION, decisionDue));
    }

    @CommandHandler
    public void handle(ApproveGrantCommand command, MetaData metaData, Clock clock, BudgetLedger budgets,
                       CentreRegistry centres, ProgrammeDatesRegistry programmeDates, DeadlineManager deadlines) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.APPROVE_GRANT);
        requireStatus("die Bewilligung", GrantStatus.REVIEWED);
        requireFourEyes(actor);
        LocalDate today = Nrw.today(clock);
        // rule 1: the grant decision makes the grant; a centre closed meanwhile gets none (reject the application)
        centres.requireOpenOn(centreId, today);
        if (command.approvedAmount().isGreaterThan(requestedAmount)) {
            throw new RuleViolationException("grant.approved-exceeds-requested",
                    "Der bewilligte Betrag (" + Nrw.euros(command.approvedAmount()) + ") darf den beantragten Betrag ("
                            + Nrw.euros(requestedAmount) + ") nicht übersteigen.");
        }
        LocalDate due = command.usageReportDue();
        if (due == null) {
            due = programmeDates.datesOf(programmePart).usageReportDue(fundingYear);
        } else {
            requireUsageReportDue(due, today);
        }
        budgets.commitApproval(fundingYear, programmePart, centreId, command.approvedAmount().cents());
        apply(new GrantApprovedEvent(grantId, centreId, requestedAmount, command.approvedAmount(), command.note(),
                today, due), Actors.metaDataOf(actor));
        scheduleUsageReport(deadlines, programmeDates.datesOf(programmePart), due, clock);
    }

    /** A due date the ministry chose: after the funding year (the money is spent in it) and not already past. */
    private void requireUsageReportDue(LocalDate due, LocalDate today) {
        if (!due.isAfter(LocalDate.of(fundingYear, 12, 31))) {
            throw new RuleViolationException("grant.usage-report-due.within-funding-year",
                    "Der Verwendungsnachweis kann erst nach Ende des Förderjahres " + fundingYear + " fällig sein, "
                            + "frühestens am " + Nrw.date(LocalDate.of(fundingYear + 1, 1, 1)) + "; angegeben ist der "
                            + Nrw.date(due) + ".");
        }
        if (due.isBefore(today)) {
            throw new RuleViolationException("grant.usage-report-due.past",
                    "Die Frist für den Verwendungsnachweis (" + Nrw.date(due) + ") liegt in der Vergangenheit.");
        }
    }

    /**
     * Fristverlängerung: the grant authority moves the usage report's due date while the report is outstanding (also
     * when it is already overdue), with a reason, to a day not in the past. The deadlines of the old day go stale.
     */
    @CommandHandler
    public void handle(ExtendUsageReportDueCommand command, MetaData metaData, Clock clock,
                       ProgrammeDatesRegistry programmeDates, DeadlineManager deadlines) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.EXTEND_USAGE_REPORT_DUE);
        requireStatus("eine Fristverlängerung", GrantStatus.APPROVED);
        LocalDate today = Nrw.today(clock);
        if (command.dueOn().isBefore(today)) {
            throw new RuleViolationException("grant.extend-due.past",
                    "Die neue Frist (" + Nrw.date(command.dueOn()) + ") liegt in der Vergangenheit.");
        }
        requireUsageReportDue(command.dueOn(), today); // as at the approval: after the funding year
        if (command.dueOn().equals(usageReportDue)) {
            throw new RuleViolationException("grant.extend-due.unchanged",
                    "Der Verwendungsnachweis ist bereits zum " + Nrw.date(usageReportDue) + " fällig; es gibt nichts zu ändern.");
        }
        apply(new UsageReportDueExtendedEvent(grantId, centreId, usageReportDue, command.dueOn(), command.reason(), today),
                Actors.metaDataOf(actor));
        scheduleUsageReport(deadlines, programmeDates.datesOf(programmePart), command.dueOn(), clock);
    }

    /** The centre reports a tranche's money as spent, once per tranche, while the grant runs. */
    @CommandHandler
    public void handle(ReportTrancheSpentCommand command, MetaData metaData, Clock clock) {
        Actor actor = requireOwnCentre(metaData, Action.REPORT_TRANCHE_SPENT);
        requireStatus("die Meldung verausgabter Mittel", GrantStatus.APPROVED, GrantStatus.USAGE_REPORTED);
        Tranche tranche = trancheDates.get(command.tranche());
        if (tranche == null) {
            throw new RuleViolationException("grant.tranche.unknown",
                    "Eine " + command.tranche() + ". Auszahlung gibt es für diese Zuwendung nicht"
                            + (tranches == 0 ? "; bisher wurde nichts ausgezahlt." : " (bisher " + tranches + ")."));
        }
        if (tranche.spentReported()) {
            throw new RuleViolationException("grant.tranche.already-reported",
                    "Die " + command.tranche() + ". Auszahlung ist bereits als verausgabt gemeldet.");
        }
        apply(new TrancheSpentReportedEvent(grantId, centreId, command.tranche(), Nrw.today(clock)), Actors.metaDataOf(actor));
    }

    /**
     * The platform schedules the dates still ahead of a grant recorded before the dates existed (the backfill, issue
     * 19): what the grant waits for now, with the programme part's dates in force. Records nothing; a date already
     * past fires at once and records its fact, a date scheduled twice records it once.
     */
    @CommandHandler
    public void handle(ScheduleGrantDatesCommand command, MetaData metaData, Clock clock,
                       ProgrammeDatesRegistry programmeDates, DeadlineManager deadlines) {
        Permissions.require(Actors.of(metaData), Action.RECORD_GRANT_DATES);
        ProgrammeDates dates = programmeDates.datesOf(programmePart);
        switch (status) {
            case APPLIED -> {
                if (!reviewOverdueRecorded && appliedOn != null) {
                    LocalDate due = dates.reviewDueOn(appliedOn);
                    schedule(deadlines, ProgrammeDates.passedAt(due), GrantDate.of(GrantDate.Kind.REVIEW, due));
                }
            }
            case REVIEWED -> {
                if (!decisionOverdueRecorded && reviewedOn != null) {
                    LocalDate due = dates.decisionDueOn(reviewedOn);
                    schedule(deadlines, ProgrammeDates.passedAt(due), GrantDate.of(GrantDate.Kind.DECISION, due));
                }
            }
            case APPROVED -> scheduleUsageReport(deadlines, dates, usageReportDue, clock);
            default -> {
                // nothing ahead of the usage report's dates; tranches below
            }
        }
        if (status == GrantStatus.APPROVED) {
            // a tranche whose two months ended before the platform knew "reported as spent" was never late by the
            // platform's rule: the centre could not report it. Only those still running are scheduled.
            LocalDate today = Nrw.today(clock);
            trancheDates.forEach((number, tranche) -> {
                if (!tranche.spentReported() && !tranche.overdueRecorded()
                        && !ProgrammeDates.spendingDueOn(tranche.disbursedOn()).isBefore(today)) {
                    scheduleSpending(deadlines, number, tranche.disbursedOn());
                }
            });
        }
    }

    /**
     * A date has come. Its fact is recorded by the platform, once, and only while it still applies: the grant still
     * waits for the step, the date is the one in force (not one an extension replaced) and not yet recorded.
     */
    @DeadlineHandler(deadlineName = GrantDate.DEADLINE)
    void on(GrantDate date, Clock clock) {
        LocalDate today = Nrw.today(clock);
        if (!stillApplies(date, today)) {
            return;
        }
        Permissions.require(Actor.SYSTEM, Action.RECORD_GRANT_DATES);
        MetaData system = Actors.metaDataOf(Actor.SYSTEM);
        switch (date.kind()) {
            case REVIEW -> apply(new ReviewOverdueEvent(grantId, centreId, appliedOn, date.dueOn(), today), system);
            case DECISION -> apply(new DecisionOverdueEvent(grantId, centreId, reviewedOn, date.dueOn(), today), system);
            case USAGE_REPORT_REMINDER -> apply(new UsageReportDueSoonEvent(grantId, centreId, date.dueOn(), today), system);
            case USAGE_REPORT -> apply(new UsageReportOverdueEvent(grantId, centreId, date.dueOn(), today), system);
            case TRANCHE_SPENDING -> {
                Tranche tranche = trancheDates.get(date.tranche());
                apply(new TrancheSpendingOverdueEvent(grantId, centreId, date.tranche(), tranche.amount(),
                        tranche.disbursedOn(), date.dueOn(), today), system);
            }
        }
    }

    private boolean stillApplies(GrantDate date, LocalDate today) {
        return switch (date.kind()) {
            case REVIEW -> status == GrantStatus.APPLIED && !reviewOverdueRecorded;
            case DECISION -> status == GrantStatus.REVIEWED && !decisionOverdueRecorded;
            // a reminder that comes late (after downtime, or from the backfill) is moot once the day has passed
            case USAGE_REPORT_REMINDER -> status == GrantStatus.APPROVED && date.dueOn().equals(usageReportDue)
                    && !today.isAfter(date.dueOn())
                    && !date.dueOn().equals(dueSoonRecordedFor) && !date.dueOn().equals(overdueRecordedFor);
            case USAGE_REPORT -> status == GrantStatus.APPROVED && date.dueOn().equals(usageReportDue)
                    && !date.dueOn().equals(overdueRecordedFor);
            case TRANCHE_SPENDING -> {
                Tranche tranche = trancheDates.get(date.tranche());
                // the usage report accounts for all the money: after it no tranche is late (as the read side shows)
                yield status == GrantStatus.APPROVED && tranche != null
                        && !tranche.spentReported() && !tranche.overdueRecorded()
                        && date.dueOn().equals(ProgrammeDates.spendingDueOn(tranche.disbursedOn()));
            }
        };
    }

    /** The reminder (unless its day has already begun) and the passing of the usage report due on {@code due}. */
    private static void scheduleUsageReport(DeadlineManager deadlines, ProgrammeDates dates, LocalDate due, Clock clock) {
        Instant reminder = ProgrammeDates.noticeAt(dates.reminderOn(due));
        if (reminder.isAfter(clock.instant())) {
            schedule(deadlines, reminder, GrantDate.of(GrantDate.Kind.USAGE_REPORT_REMINDER, due));
        }
        schedule(deadlines, ProgrammeDates.passedAt(due), GrantDate.of(GrantDate.Kind.USAGE_REPORT, due));
    }

    private static void scheduleSpending(DeadlineManager deadlines, int tranche, LocalDate disbursedOn) {
        LocalDate due = ProgrammeDates.spendingDueOn(disbursedOn);
        schedule(deadlines, ProgrammeDates.passedAt(due), GrantDate.tranche(tranche, due));
    }

    /**
     * Schedules a date of this grant. The deadline carries the platform as its actor, not the person whose command
     * scheduled it: the fact it may record is the platform's.
     */
    private static void schedule(DeadlineManager deadlines, Instant at, GrantDate date) {
        deadlines.schedule(at, GrantDate.DEADLINE, new GenericMessage<>(date).withMetaData(Actor.SYSTEM.toMetaData()));
    }

    @CommandHandler
    public void handle(RejectGrantCommand command, MetaData metaData) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.REJECT_GRANT);
        requireStatus("die Ablehnung", GrantStatus.REVIEWED);
        requireFourEyes(actor);
        apply(new GrantRejectedEvent(grantId, centreId, command.reason()), Actors.metaDataOf(actor));
    }

    @CommandHandler
    public void handle(WithdrawGrantApplicationCommand command, MetaData metaData) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.WITHDRAW_GRANT_APPLICATION, centreId);
        requireStatus("die Rücknahme", GrantStatus.APPLIED, GrantStatus.REVIEWED);
        apply(new GrantWithdrawnEvent(grantId, centreId, command.reason()), Actors.metaDataOf(actor));
    }

    /**
     * An Änderungsbescheid. Lowering the approved amount takes effect at once and frees budget. Raising it is new money:
     * it is only proposed here and takes effect when a second account approves it ({@link ApproveGrantRaiseCommand},
     * rule 8, ADR 26); the budget is checked then, not now.
     */
    @CommandHandler
    public AmendmentOutcome handle(AmendGrantCommand command, MetaData metaData, Clock clock, BudgetLedger budgets,
                                   CentreRegistry centres) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.AMEND_GRANT);
        requireStatus("ein Änderungsbescheid", GrantStatus.APPROVED);
        if (pendingRaise != null) {
            throw new RuleViolationException("grant.raise-pending",
                    "Eine Erhöhung auf " + Nrw.euros(pendingRaise) + " wartet auf Bestätigung; sie ist zuerst zu "
                            + "bestätigen oder zurückzuziehen.");
        }
        Money amount = command.approvedAmount();
        if (amount.equals(approvedAmount)) {
            throw new RuleViolationException("grant.amendment-unchanged",
                    "Der neue Betrag ist der bisher bewilligte (" + Nrw.euros(amount) + "); es gibt nichts zu ändern.");
        }
        if (amount.isGreaterThan(requestedAmount)) {
            throw new RuleViolationException("grant.approved-exceeds-requested",
                    "Der bewilligte Betrag (" + Nrw.euros(amount) + ") darf den beantragten Betrag ("
                            + Nrw.euros(requestedAmount) + ") nicht übersteigen.");
        }
        if (amount.isLessThan(disbursed)) {
            throw new RuleViolationException("grant.amendment-below-disbursed",
                    "Der neue Betrag (" + Nrw.euros(amount) + ") darf nicht unter dem bereits ausgezahlten Betrag ("
                            + Nrw.euros(disbursed) + ") liegen.");
        }
        LocalDate today = Nrw.today(clock);
        if (amount.isGreaterThan(approvedAmount)) {
            centres.requireOpenOn(centreId, today); // rule 1: no new money for a closed centre
            apply(new GrantRaiseProposedEvent(grantId, centreId, approvedAmount, amount, command.reason(), today),
                    Actors.metaDataOf(actor));
            return AmendmentOutcome.RAISE_PROPOSED;
        }
        budgets.commitApproval(fundingYear, programmePart, centreId, amount.cents() - approvedAmount.cents());
        apply(new GrantAmendedEvent(grantId, centreId, approvedAmount, amount, command.reason(), today),
                Actors.metaDataOf(actor));
        return AmendmentOutcome.AMENDED;
    }

    /** The second pair of eyes on a raise: as for an approval, and not who proposed it; the budget is checked now. */
    @CommandHandler
    public void handle(ApproveGrantRaiseCommand command, MetaData metaData, Clock clock, BudgetLedger budgets,
                       CentreRegistry centres) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.APPROVE_GRANT_RAISE);
        requireStatus("die Bestätigung einer Erhöhung", GrantStatus.APPROVED);
        Money amount = requirePendingRaise();
        requireFourEyes(actor);
        if (raiseProposedBy == null) {
            throw new ForbiddenException("grant.four-eyes.unverifiable",
                    "Vier-Augen-Prinzip: Die Erhöhung ist keinem Konto zugeordnet; sie kann so nicht bestätigt werden.");
        }
        if (raiseProposedBy.equalsIgnoreCase(actor.account())) {
            throw new ForbiddenException("grant.four-eyes",
                    "Vier-Augen-Prinzip: Wer die Erhöhung vorgeschlagen hat, darf sie nicht selbst bestätigen.");
        }
        if (!amount.equals(command.proposedAmount())) {
            throw new RuleViolationException("grant.raise-changed",
                    "Vorgeschlagen ist eine Erhöhung auf " + Nrw.euros(amount) + ", nicht auf "
                            + Nrw.euros(command.proposedAmount()) + "; bitte den aktuellen Vorschlag prüfen.");
        }
        LocalDate today = Nrw.today(clock);
        centres.requireOpenOn(centreId, today);
        budgets.commitApproval(fundingYear, programmePart, centreId, amount.cents() - approvedAmount.cents());
        apply(new GrantAmendedEvent(grantId, centreId, approvedAmount, amount, raiseReason, today),
                Actors.metaDataOf(actor));
    }

    @CommandHandler
    public void handle(WithdrawGrantRaiseCommand command, MetaData metaData) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.AMEND_GRANT);
        requireStatus("die Rücknahme einer Erhöhung", GrantStatus.APPROVED);
        Money amount = requirePendingRaise();
        apply(new GrantRaiseWithdrawnEvent(grantId, centreId, amount, command.reason()), Actors.metaDataOf(actor));
    }

    private Money requirePendingRaise() {
        if (pendingRaise == null) {
            throw new RuleViolationException("grant.no-raise-pending", "Für diese Zuwendung ist keine Erhöhung vorgeschlagen.");
        }
        return pendingRaise;
    }

    /** Mittelabruf: the centre draws what it needs soon; never more than approved and not yet disbursed or drawn. */
    @CommandHandler
    public void handle(RequestFundsCommand command, MetaData metaData, Clock clock) {
        Actor actor = requireOwnCentre(metaData, Action.REQUEST_FUNDS);
        requireStatus("ein Mittelabruf", GrantStatus.APPROVED);
        Money available = approvedAmount.minus(disbursed).minus(min(fundsRequested, approvedAmount.minus(disbursed)));
        if (command.amount().isGreaterThan(available)) {
            throw new RuleViolationException("grant.request-exceeds-available",
                    "Abrufbar sind noch " + Nrw.euros(available) + " (bewilligt " + Nrw.euros(approvedAmount)
                            + ", ausgezahlt " + Nrw.euros(disbursed) + ", bereits abgerufen " + Nrw.euros(fundsRequested) + ").");
        }
        apply(new FundsRequestedEvent(grantId, centreId, command.amount(), command.purpose(), Nrw.today(clock)),
                Actors.metaDataOf(actor));
    }

    @CommandHandler
    public void handle(DisburseTrancheCommand command, MetaData metaData, Clock clock, DeadlineManager deadlines) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.DISBURSE_TRANCHE);
        requireStatus("eine Auszahlung", GrantStatus.APPROVED);
        requireDay(command.disbursedOn(), approvedOn, clock, "Auszahlungsdatum", "der Bewilligung", "grant.disbursement");
        Money after = disbursed.plus(command.amount());
        if (after.isGreaterThan(approvedAmount)) {
            throw new RuleViolationException("grant.disbursement-exceeds-approved",
                    "Insgesamt darf nicht mehr ausgezahlt werden als bewilligt: bewilligt " + Nrw.euros(approvedAmount)
                            + ", bereits ausgezahlt " + Nrw.euros(disbursed) + ", möglich sind noch "
                            + Nrw.euros(approvedAmount.minus(disbursed)) + ".");
        }
        int tranche = tranches + 1;
        apply(new TrancheDisbursedEvent(grantId, centreId, tranche, command.amount(), command.disbursedOn(),
                disbursed, after), Actors.metaDataOf(actor));
        scheduleSpending(deadlines, tranche, command.disbursedOn());
    }

    @CommandHandler
    public void handle(SubmitUsageReportCommand command, MetaData metaData, Clock clock, GrantFiles files) {
        Actor actor = requireOwnCentre(metaData, Action.SUBMIT_USAGE_REPORT);
        requireStatus("der Verwendungsnachweis", GrantStatus.APPROVED);
        if (command.amountSpent().isGreaterThan(disbursed)) {
            throw new RuleViolationException("grant.spent-exceeds-disbursed",
                    "Verausgabt werden kann höchstens, was ausgezahlt wurde: ausgezahlt " + Nrw.euros(disbursed)
                            + ", angegeben " + Nrw.euros(command.amountSpent()) + ".");
        }
        LocalDate today = Nrw.today(clock);
        files.usageReported(grantId, centreId, fundingYear, today); // the grant file's keeping period starts (ADR 9)
        apply(new UsageReportSubmittedEvent(grantId, centreId, disbursed, command.amountSpent(), command.report(),
                command.volunteersReached(), today), Actors.metaDataOf(actor));
    }

    /** Checking the usage report closes the grant; what was disbursed and not spent is demanded back. */
    @CommandHandler
    public void handle(CloseGrantCommand command, MetaData metaData, Clock clock) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.CLOSE_GRANT);
        requireStatus("der Abschluss", GrantStatus.USAGE_REPORTED);
        apply(new GrantClosedEvent(grantId, centreId, disbursed, spent, disbursed.minus(spent), command.checkNote(),
                Nrw.today(clock)), Actors.metaDataOf(actor));
    }

    @CommandHandler
    public void handle(RecordRepaymentCommand command, MetaData metaData, Clock clock) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.RECORD_REPAYMENT);
        requireStatus("eine Rückzahlung", GrantStatus.CLOSED);
        if (repaymentOutstanding.isZero()) {
            throw new RuleViolationException("grant.nothing-to-repay", "Für diese Zuwendung ist keine Rückzahlung offen.");
        }
        requireDay(command.receivedOn(), closedOn, clock, "Eingangsdatum", "dem Abschluss", "grant.repayment");
        if (command.amount().isGreaterThan(repaymentOutstanding)) {
            throw new RuleViolationException("grant.repayment-exceeds-outstanding",
                    "Offen sind nur " + Nrw.euros(repaymentOutstanding) + "; mehr kann nicht als Rückzahlung erfasst werden.");
        }
        apply(new RepaymentReceivedEvent(grantId, centreId, command.amount(), command.receivedOn(),
                repaymentOutstanding, repaymentOutstanding.minus(command.amount())), Actors.metaDataOf(actor));
    }

    /** What an activity that refers to this grant needs to know. */
    public GrantRegistry.GrantFacts facts() {
        return new GrantRegistry.GrantFacts(grantId, centreId, fundingYear, status);
    }

    private Actor requireOwnCentre(MetaData metaData, Action action) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, action, centreId);
        return actor;
    }

    /** A day a fact happened: not in the future and not before the step it follows. */
    private static void requireDay(LocalDate day, LocalDate notBefore, Clock clock, String label, String after,
                                   String code) {
        if (day.isAfter(Nrw.today(clock))) {
            throw new RuleViolationException(code + ".in-future",
                    "Das " + label + " (" + Nrw.date(day) + ") liegt in der Zukunft.");
        }
        if (notBefore != null && day.isBefore(notBefore)) {
            throw new RuleViolationException(code + ".too-early",
                    "Das " + label + " (" + Nrw.date(day) + ") liegt vor " + after + " am " + Nrw.date(notBefore) + ".");
        }
    }

    private static Money min(Money a, Money b) {
        return a.isGreaterThan(b) ? b : a;
    }

    /**
     * The state machine in one place: the step is allowed only from the given states. A refusal says
     * whether the grant is not yet there (for example not yet approved) or already past it.
     */
    private void requireStatus(String step, GrantStatus... allowed) {
        List<GrantStatus> steps = List.of(allowed);
        if (steps.contains(status)) {
            return;
        }
        int earliestAllowed = steps.stream().mapToInt(LIFE::indexOf).min().orElseThrow();
        int now = LIFE.indexOf(status);
        if (now >= 0 && now < earliestAllowed) {
            throw switch (LIFE.get(earliestAllowed)) {
                case REVIEWED -> new RuleViolationException("grant.not-reviewed",
                        "Der Antrag ist noch nicht geprüft; " + step + " ist erst nach der Prüfung möglich.");
                case APPROVED -> new RuleViolationException("grant.not-approved",
                        "Die Zuwendung ist noch nicht bewilligt; " + step + " ist erst nach der Bewilligung möglich.");
                case USAGE_REPORTED -> new RuleViolationException("grant.no-usage-report",
                        "Der Verwendungsnachweis liegt noch nicht vor; " + step + " ist erst danach möglich.");
                default -> new RuleViolationException("grant.not-closed",
                        "Die Zuwendung ist noch nicht abgeschlossen; " + step + " ist erst nach dem Abschluss möglich.");
            };
        }
        throw switch (status) {
            case APPLIED, REVIEWED -> new RuleViolationException("grant.already-reviewed",
                    "Der Antrag ist bereits geprüft; " + step + " ist nicht mehr möglich.");
            case APPROVED -> new RuleViolationException("grant.already-approved",
                    "Über den Antrag ist bereits entschieden (bewilligt); " + step + " ist nicht mehr möglich.");
            case USAGE_REPORTED -> new RuleViolationException("grant.usage-reported",
                    "Der Verwendungsnachweis liegt bereits vor; " + step + " ist nicht mehr möglich.");
            case CLOSED -> new RuleViolationException("grant.closed",
                    "Die Zuwendung ist abgeschlossen; " + step + " ist nicht mehr möglich.");
            case REJECTED -> new RuleViolationException("grant.rejected",
                    "Der Antrag wurde abgelehnt; danach ist " + step + " nicht mehr möglich.");
            case WITHDRAWN -> new RuleViolationException("grant.withdrawn",
                    "Der Antrag wurde zurückgezogen; danach ist " + step + " nicht mehr möglich.");
        };
    }

    /** Four eyes: who decides has neither applied for nor reviewed the grant. */
    private void requireFourEyes(Actor actor) {
        if (appliedBy == null || reviewedBy == null) {
            // fail closed: without a recorded applicant and reviewer the rule cannot be checked
            throw new ForbiddenException("grant.four-eyes.unverifiable",
                    "Vier-Augen-Prinzip: Antragstellung und Prüfung sind keinem Konto zugeordnet; eine Entscheidung ist so nicht möglich.");
        }
        String account = actor.account().toLowerCase(Locale.ROOT);
        if (account.equals(appliedBy.toLowerCase(Locale.ROOT)) || account.equals(reviewedBy.toLowerCase(Locale.ROOT))) {
            throw new ForbiddenException("grant.four-eyes",
                    "Vier-Augen-Prinzip: Wer den Antrag gestellt oder geprüft hat, darf nicht über ihn entscheiden.");
        }
    }

    @EventSourcingHandler
    void on(GrantAppliedEvent event, MetaData metaData) {
        grantId = event.grantId();
        centreId = event.centreId();
        fundingYear = event.fundingYear();
        programmePart = event.programmePart();
        requestedAmount = event.requestedAmount();
        status = GrantStatus.APPLIED;
        appliedBy = Actors.accountOf(metaData);
        appliedOn = event.appliedOn();
    }

    @EventSourcingHandler
    void on(GrantReviewedEvent event, MetaData metaData, @Timestamp Instant recordedAt) {
        status = GrantStatus.REVIEWED;
        reviewedBy = Actors.accountOf(metaData);
        reviewedOn = Nrw.dateOf(recordedAt); // the event names no day: the day it was recorded
    }

    @EventSourcingHandler
    void on(GrantApprovedEvent event) {
        status = GrantStatus.APPROVED;
        approvedAmount = event.approvedAmount();
        approvedOn = event.approvedOn();
        // approvals recorded before issue 19 name no due date: the default of their programme part holds
        usageReportDue = event.usageReportDue() != null ? event.usageReportDue()
                : ProgrammeDates.defaults(programmePart).usageReportDue(fundingYear);
    }

    @EventSourcingHandler
    void on(UsageReportDueExtendedEvent event) {
        usageReportDue = event.dueAfter();
    }

    @EventSourcingHandler
    void on(ReviewOverdueEvent event) {
        reviewOverdueRecorded = true;
    }

    @EventSourcingHandler
    void on(DecisionOverdueEvent event) {
        decisionOverdueRecorded = true;
    }

    @EventSourcingHandler
    void on(UsageReportDueSoonEvent event) {
        dueSoonRecordedFor = event.dueOn();
    }

    @EventSourcingHandler
    void on(UsageReportOverdueEvent event) {
        overdueRecordedFor = event.dueOn();
    }

    @EventSourcingHandler
    void on(TrancheSpentReportedEvent event) {
        trancheDates.computeIfPresent(event.tranche(),
                (n, t) -> new Tranche(t.amount(), t.disbursedOn(), true, t.overdueRecorded()));
    }

    @EventSourcingHandler
    void on(TrancheSpendingOverdueEvent event) {
        trancheDates.computeIfPresent(event.tranche(),
                (n, t) -> new Tranche(t.amount(), t.disbursedOn(), t.spentReported(), true));
    }

    @EventSourcingHandler
    void on(GrantAmendedEvent event) {
        approvedAmount = event.approvedAfter();
        clearPendingRaise(); // a raise took effect (a lowering happens only while none is pending)
    }

    @EventSourcingHandler
    void on(GrantRaiseProposedEvent event, MetaData metaData) {
        pendingRaise = event.proposedAmount();
        raiseReason = event.reason();
        raiseProposedBy = Actors.accountOf(metaData);
    }

    @EventSourcingHandler
    void on(GrantRaiseWithdrawnEvent event) {
        clearPendingRaise();
    }

    private void clearPendingRaise() {
        pendingRaise = null;
        raiseReason = null;
        raiseProposedBy = null;
    }

    @EventSourcingHandler
    void on(FundsRequestedEvent event) {
        fundsRequested = fundsRequested.plus(event.amount());
    }

    @EventSourcingHandler
    void on(TrancheDisbursedEvent event) {
        tranches = event.tranche();
        trancheDates.put(event.tranche(), new Tranche(event.amount(), event.disbursedOn(), false, false));
        disbursed = event.disbursedAfter();
        fundsRequested = fundsRequested.isGreaterThan(event.amount()) ? fundsRequested.minus(event.amount()) : Money.ZERO;
    }

    @EventSourcingHandler
    void on(UsageReportSubmittedEvent event) {
        status = GrantStatus.USAGE_REPORTED;
        spent = event.amountSpent();
        fundsRequested = Money.ZERO;
    }

    @EventSourcingHandler
    void on(GrantClosedEvent event) {
        status = GrantStatus.CLOSED;
        closedOn = event.closedOn();
        repaymentOutstanding = event.repaymentDemanded();
    }

    @EventSourcingHandler
    void on(RepaymentReceivedEvent event) {
        repaymentOutstanding = event.outstandingAfter();
    }

    @EventSourcingHandler
    void on(GrantRejectedEvent event) {
        status = GrantStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(GrantWithdrawnEvent event) {
        status = GrantStatus.WITHDRAWN;
    }
}
