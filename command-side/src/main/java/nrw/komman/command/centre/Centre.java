package nrw.komman.command.centre;

import nrw.komman.command.common.Actors;
import nrw.komman.kernel.centre.CentreClosedEvent;
import nrw.komman.kernel.centre.CentreEstablishedEvent;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.CloseCentreCommand;
import nrw.komman.kernel.centre.EstablishCentreCommand;
import nrw.komman.kernel.common.Actor;
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
 * and, rarely, closed. Other aggregates ask it, through {@link CentreRegistry}, whether it is open.
 */
@Aggregate
public class Centre {

    @AggregateIdentifier
    private CentreId centreId;
    private LocalDate establishedOn;
    private LocalDate closedOn;

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

    @CommandHandler
    public void handle(CloseCentreCommand command, MetaData metaData) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.CLOSE_CENTRE);
        if (closedOn != null) {
            throw new RuleViolationException("centre.already-closed",
                    "Das Integrationszentrum " + centreId + " ist bereits geschlossen.");
        }
        if (command.closedOn().isBefore(establishedOn)) {
            throw new RuleViolationException("centre.closed-before-established",
                    "Das Integrationszentrum kann nicht vor seiner Einrichtung geschlossen werden.");
        }
        apply(new CentreClosedEvent(centreId, command.closedOn(), command.reason()), Actors.metaDataOf(actor));
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
    void on(CentreClosedEvent event) {
        closedOn = event.closedOn();
    }
}
