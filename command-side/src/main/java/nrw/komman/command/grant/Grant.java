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
import nrw.komman.kernel.access.Action;
import nrw.komman.kernel.access.Permissions;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

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
 * <p>Why this size: one aggregate for the grant's whole life above, one command handler and one event sourcing handler per step; the permissions come from the map, the budget check from the ledger.
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

    protected Grant() {
        // for Axon
    }

    @CommandHandler
    public Grant(ApplyForGrantCommand command, MetaData metaData, Clock clock, CentreRegistry centres) {
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
    }

    @CommandHandler
    public void handle(ReviewGrantCommand command, MetaData metaData) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.REVIEW_GRANT);
        requireStatus("die Prüfung", GrantStatus.APPLIED);
        apply(new GrantReviewedEvent(grantId, centreId, command.recommendation(), command.note()),
                Actors.metaDataOf(actor));
    }

    @CommandHandler
    public void handle(ApproveGrantCommand command, MetaData metaData, Clock clock, BudgetLedger budgets,
                       CentreRegistry centres) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.APPROVE_GRANT);
        requireStatus("die Bewilligung", GrantStatus.REVIEWED);
        requireFourEyes(actor);
        // rule 1: the grant decision makes the grant; a centre closed meanwhile gets none (reject the application)
        centres.requireOpenOn(centreId, Nrw.today(clock));
        if (command.approvedAmount().isGreaterThan(requestedAmount)) {
            throw new RuleViolationException("grant.approved-exceeds-requested",
                    "Der bewilligte Betrag (" + Nrw.euros(command.approvedAmount()) + ") darf den beantragten Betrag ("
                            + Nrw.euros(requestedAmount) + ") nicht übersteigen.");
        }
        budgets.commitApproval(fundingYear, programmePart, centreId, command.approvedAmount().cents());
        apply(new GrantApprovedEvent(grantId, centreId, requestedAmount, command.approvedAmount(), command.note(),
                Nrw.today(clock)), Actors.metaDataOf(actor));
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
    public void handle(DisburseTrancheCommand command, MetaData metaData, Clock clock) {
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
        apply(new TrancheDisbursedEvent(grantId, centreId, tranches + 1, command.amount(), command.disbursedOn(),
                disbursed, after), Actors.metaDataOf(actor));
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
    }

    @EventSourcingHandler
    void on(GrantReviewedEvent event, MetaData metaData) {
        status = GrantStatus.REVIEWED;
        reviewedBy = Actors.accountOf(metaData);
    }

    @EventSourcingHandler
    void on(GrantApprovedEvent event) {
        status = GrantStatus.APPROVED;
        approvedAmount = event.approvedAmount();
        approvedOn = event.approvedOn();
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
