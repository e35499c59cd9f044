package nrw.komman.command.centre;

import nrw.komman.command.common.Actors;
import nrw.komman.kernel.centre.CentreClosedEvent;
import nrw.komman.kernel.centre.CentreEstablishedEvent;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.CentreClosureProposedEvent;
import nrw.komman.kernel.centre.CentreClosureWithdrawnEvent;
import nrw.komman.kernel.centre.ClosureProposal;
import nrw.komman.kernel.centre.ConfirmCentreClosureCommand;
import nrw.komman.kernel.centre.ProposeCentreClosureCommand;
import nrw.komman.kernel.centre.WithdrawCentreClosureCommand;
import nrw.komman.kernel.centre.EstablishCentreCommand;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.access.Action;
import nrw.komman.kernel.access.Permissions;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A Kommunales Integrationszentrum: established by the ministry (or the platform on first start)
 * and, rarely, closed: proposed by one ministry account, confirmed by another (ADR 26). Other aggregates ask it, through {@link CentreRegistry}, whether it is open.
 */
@Aggregate
public class Centre {

    @AggregateIdentifier
    private CentreId centreId;
    private LocalDate establishedOn;
    private LocalDate closedOn;
    private ClosureProposal pendingClosure;

    protected Centre() {
        // for Axon
    }

    /*
     * Create-if-missing rather than a constructor handler: the reference centres are established on
     * every start, and establishing a centre twice must be a clear refusal (409), not a storage
     * conflict of the event store.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(EstablishCentreCommand command, MetaData metaData) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.ESTABLISH_CENTRE);
        if (centreId != null) {
            throw new RuleViolationException("centre.already-established",
                    "Das Integrationszentrum " + command.centreId() + " ist bereits eingerichtet.");
        }
        apply(new CentreEstablishedEvent(command.centreId(), command.name(), command.type(),
                command.centreId().regierungsbezirk(), command.establishedOn()), Actors.metaDataOf(actor));
    }

    /*
     * Closing is irreversible and ends the centre's new volunteers, activities and grants (rule 1): one ministry
     * account proposes it, a different one confirms it, either may withdraw it (rule 8, ADR 26).
     */
    @CommandHandler
    public void handle(ProposeCentreClosureCommand command, MetaData metaData) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.CLOSE_CENTRE);
        requireNotClosed();
        if (pendingClosure != null) {
            throw new RuleViolationException("centre.closure-pending",
                    "Für das Integrationszentrum " + centreId + " ist bereits eine Schließung zum "
                            + Nrw.date(pendingClosure.closedOn()) + " vorgeschlagen; sie ist zu bestätigen oder zurückzuziehen.");
        }
        if (command.closedOn().isBefore(establishedOn)) {
            throw new RuleViolationException("centre.closed-before-established",
                    "Das Integrationszentrum kann nicht vor seiner Einrichtung geschlossen werden.");
        }
        apply(new CentreClosureProposedEvent(centreId, command.closedOn(), command.reason()), Actors.metaDataOf(actor));
    }

    @CommandHandler
    public void handle(ConfirmCentreClosureCommand command, MetaData metaData) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.CONFIRM_CENTRE_CLOSURE);
        requireNotClosed();
        ClosureProposal proposal = requirePendingClosure();
        if (proposal.proposedBy() == null) {
            // fail closed: without a recorded proposer the second pair of eyes cannot be checked
            throw new ForbiddenException("centre.closure.four-eyes.unverifiable",
                    "Vier-Augen-Prinzip: Der Vorschlag zur Schließung ist keinem Konto zugeordnet; er kann so nicht bestätigt werden.");
        }
        if (proposal.proposedBy().equalsIgnoreCase(actor.account())) {
            throw new ForbiddenException("centre.closure.four-eyes",
                    "Vier-Augen-Prinzip: Wer die Schließung vorgeschlagen hat, darf sie nicht selbst bestätigen; "
                            + "das muss ein anderes Konto des Ministeriums tun.");
        }
        if (!proposal.closedOn().equals(command.closedOn())) {
            throw new RuleViolationException("centre.closure-changed",
                    "Vorgeschlagen ist die Schließung zum " + Nrw.date(proposal.closedOn()) + ", nicht zum "
                            + Nrw.date(command.closedOn()) + "; bitte den aktuellen Vorschlag prüfen.");
        }
        apply(new CentreClosedEvent(centreId, proposal.closedOn(), proposal.reason()), Actors.metaDataOf(actor));
    }

    @CommandHandler
    public void handle(WithdrawCentreClosureCommand command, MetaData metaData) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.CLOSE_CENTRE);
        requireNotClosed();
        ClosureProposal proposal = requirePendingClosure();
        apply(new CentreClosureWithdrawnEvent(centreId, proposal.closedOn(), command.reason()), Actors.metaDataOf(actor));
    }

    private void requireNotClosed() {
        if (closedOn != null) {
            throw new RuleViolationException("centre.already-closed",
                    "Das Integrationszentrum " + centreId + " ist bereits geschlossen.");
        }
    }

    private ClosureProposal requirePendingClosure() {
        if (pendingClosure == null) {
            throw new RuleViolationException("centre.no-closure-pending",
                    "Für das Integrationszentrum " + centreId + " ist keine Schließung vorgeschlagen.");
        }
        return pendingClosure;
    }

    /** Open on a day: established on or before it, and not closed on or before it. */
    public boolean isOpenOn(LocalDate day) {
        return facts().isOpenOn(day);
    }

    /** What other aggregates need to know about the centre. */
    public CentreRegistry.CentreFacts facts() {
        return new CentreRegistry.CentreFacts(centreId, establishedOn, closedOn);
    }

    @EventSourcingHandler
    void on(CentreEstablishedEvent event) {
        centreId = event.centreId();
        establishedOn = event.establishedOn();
    }

    @EventSourcingHandler
    void on(CentreClosureProposedEvent event, MetaData metaData) {
        pendingClosure = new ClosureProposal(event.closedOn(), event.reason(), Actors.accountOf(metaData));
    }

    @EventSourcingHandler
    void on(CentreClosureWithdrawnEvent event) {
        pendingClosure = null;
    }

    @EventSourcingHandler
    void on(CentreClosedEvent event) {
        closedOn = event.closedOn();
        pendingClosure = null;
    }
}
