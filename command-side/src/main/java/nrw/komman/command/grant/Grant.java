package nrw.komman.command.grant;

import nrw.komman.command.centre.CentreRegistry;
import nrw.komman.command.common.Actors;
import nrw.komman.command.common.German;
import nrw.komman.command.common.Today;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.common.Role;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.grant.ApplyForGrantCommand;
import nrw.komman.kernel.grant.ApproveGrantCommand;
import nrw.komman.kernel.grant.GrantAppliedEvent;
import nrw.komman.kernel.grant.GrantApprovedEvent;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.GrantRejectedEvent;
import nrw.komman.kernel.grant.GrantReviewedEvent;
import nrw.komman.kernel.grant.GrantStatus;
import nrw.komman.kernel.grant.GrantWithdrawnEvent;
import nrw.komman.kernel.grant.RejectGrantCommand;
import nrw.komman.kernel.grant.ReviewGrantCommand;
import nrw.komman.kernel.grant.WithdrawGrantApplicationCommand;
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
 * A grant (Zuwendung) from application to decision:
 * <pre>
 * APPLIED ──review──▶ REVIEWED ──approve──▶ APPROVED
 *    │                   └──────reject───▶ REJECTED
 *    └──── withdraw (APPLIED or REVIEWED) ─▶ WITHDRAWN
 * </pre>
 * Nothing happens to a rejected or withdrawn grant. The accounts of applicant and reviewer are kept
 * from the events' metadata for the four-eyes rule.
 */
@Aggregate
public class Grant {

    @AggregateIdentifier
    private GrantId grantId;
    private CentreId centreId;
    private int fundingYear;
    private GrantStatus status;
    private Money requestedAmount;
    private Money approvedAmount;
    private String appliedBy;
    private String reviewedBy;

    protected Grant() {
        // for Axon
    }

    @CommandHandler
    public Grant(ApplyForGrantCommand command, MetaData metaData, Clock clock, CentreRegistry centres) {
        Actor actor = Actors.of(metaData);
        if (!actor.actsFor(command.centreId())) {
            throw new ForbiddenException("grant.apply.forbidden",
                    "Nur Koordinatorinnen und Koordinatoren des Integrationszentrums beantragen Zuwendungen für dieses Zentrum.");
        }
        LocalDate today = Today.in(clock);
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
        Actors.requireRole(actor, "grant.review.forbidden",
                "Nur die Bewilligungsbehörde (Bezirksregierung) prüft Anträge.", Role.GRANT_OFFICER);
        requireStatus("die Prüfung", GrantStatus.APPLIED);
        apply(new GrantReviewedEvent(grantId, centreId, command.recommendation(), command.note()),
                Actors.metaDataOf(actor));
    }

    @CommandHandler
    public void handle(ApproveGrantCommand command, MetaData metaData, Clock clock) {
        Actor actor = Actors.of(metaData);
        Actors.requireRole(actor, "grant.decision.forbidden",
                "Nur das Ministerium entscheidet über Zuwendungen.", Role.MINISTRY);
        requireStatus("die Bewilligung", GrantStatus.REVIEWED);
        requireFourEyes(actor);
        if (command.approvedAmount().isGreaterThan(requestedAmount)) {
            throw new RuleViolationException("grant.approved-exceeds-requested",
                    "Der bewilligte Betrag (" + German.euros(command.approvedAmount()) + ") darf den beantragten Betrag ("
                            + German.euros(requestedAmount) + ") nicht übersteigen.");
        }
        apply(new GrantApprovedEvent(grantId, centreId, requestedAmount, command.approvedAmount(), command.note(),
                Today.in(clock)), Actors.metaDataOf(actor));
    }

    @CommandHandler
    public void handle(RejectGrantCommand command, MetaData metaData) {
        Actor actor = Actors.of(metaData);
        Actors.requireRole(actor, "grant.decision.forbidden",
                "Nur das Ministerium entscheidet über Zuwendungen.", Role.MINISTRY);
        requireStatus("die Ablehnung", GrantStatus.REVIEWED);
        requireFourEyes(actor);
        apply(new GrantRejectedEvent(grantId, centreId, command.reason()), Actors.metaDataOf(actor));
    }

    @CommandHandler
    public void handle(WithdrawGrantApplicationCommand command, MetaData metaData) {
        Actor actor = Actors.of(metaData);
        if (!actor.actsFor(centreId)) {
            throw new ForbiddenException("grant.withdraw.forbidden",
                    "Nur Koordinatorinnen und Koordinatoren des antragstellenden Zentrums ziehen den Antrag zurück.");
        }
        requireStatus("die Rücknahme", GrantStatus.APPLIED, GrantStatus.REVIEWED);
        apply(new GrantWithdrawnEvent(grantId, centreId, command.reason()), Actors.metaDataOf(actor));
    }

    /** What an activity that refers to this grant needs to know. */
    public GrantRegistry.GrantFacts facts() {
        return new GrantRegistry.GrantFacts(grantId, centreId, fundingYear, status);
    }

    /** The state machine in one place: the step is allowed only from the given states. */
    private void requireStatus(String step, GrantStatus... allowed) {
        if (List.of(allowed).contains(status)) {
            return;
        }
        throw switch (status) {
            case APPLIED -> new RuleViolationException("grant.not-reviewed",
                    "Der Antrag ist noch nicht geprüft; " + step + " ist erst nach der Prüfung möglich.");
            case REVIEWED -> new RuleViolationException("grant.already-reviewed",
                    "Der Antrag ist bereits geprüft; " + step + " ist nicht mehr möglich.");
            case APPROVED -> new RuleViolationException("grant.already-approved",
                    "Über den Antrag ist bereits entschieden (bewilligt); " + step + " ist nicht mehr möglich.");
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
