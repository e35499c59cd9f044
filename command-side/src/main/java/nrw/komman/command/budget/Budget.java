package nrw.komman.command.budget;

import nrw.komman.command.centre.CentreRegistry;
import nrw.komman.command.common.Actors;
import nrw.komman.kernel.budget.BudgetId;
import nrw.komman.kernel.budget.BudgetSetEvent;
import nrw.komman.kernel.budget.SetBudgetCommand;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.common.NotFoundException;
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

import java.time.Clock;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A budget of the ministry: a funding year and programme part, state-wide or one centre's share. Its
 * events are the record of who set which amount and why; the {@link BudgetLedger} holds the amount next
 * to what is approved against it, for the check that spans grants (ADR 0007).
 */
@Aggregate
public class Budget {

    @AggregateIdentifier
    private BudgetId budgetId;
    private Money amount;

    protected Budget() {
        // for Axon
    }

    /* Create-if-missing: setting a budget the first time and changing it later are the same command. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetBudgetCommand command, MetaData metaData, BudgetLedger ledger, CentreRegistry centres,
                       Clock clock) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.SET_BUDGET);
        BudgetId id = command.budgetId();
        Optional<CentreRegistry.CentreFacts> centre = id.isForCentre() ? centres.find(id.centreId()) : Optional.empty();
        if (id.isForCentre() && centre.isEmpty()) {
            throw new NotFoundException("centre.not-found",
                    "Ein Integrationszentrum mit dem Schlüssel " + id.centreId() + " ist nicht eingerichtet.");
        }
        if (command.amount().equals(amount)) {
            return; // setting the same amount again changes nothing: PUT is idempotent
        }
        // rule 1 (ADR 26): a closed centre gets no new money; lowering its share only gives money back
        boolean raises = amount == null || command.amount().isGreaterThan(amount);
        if (raises && centre.isPresent() && centre.get().isClosedOn(Nrw.today(clock))) {
            throw new RuleViolationException("centre.closed",
                    "Das Integrationszentrum " + id.centreId() + " ist geschlossen; sein Anteil am Budget kann nur noch gesenkt werden.");
        }
        Money previous = ledger.setBudget(id, command.amount());
        apply(new BudgetSetEvent(id, id.fundingYear(), id.programmePart(), id.centreId(), previous, command.amount(),
                command.reason()), Actors.metaDataOf(actor));
    }

    @EventSourcingHandler
    void on(BudgetSetEvent event) {
        budgetId = event.budgetId();
        amount = event.amount();
    }
}
