package nrw.komman.command.grant;

import nrw.komman.command.common.Actors;
import nrw.komman.kernel.access.Action;
import nrw.komman.kernel.access.Permissions;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.grant.ProgrammeDates;
import nrw.komman.kernel.grant.ProgrammeDatesSetEvent;
import nrw.komman.kernel.grant.SetProgrammeDatesCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The ministry's dates of one programme part (issue 19), identified by the part's name: when the usage report is due,
 * when the centre is reminded, within which time an application is to be reviewed and decided. Its events are the
 * record of who set which dates and why; grants ask for the dates in force through {@link ProgrammeDatesRegistry} when
 * they schedule a date, so a change applies to dates scheduled from then on. (Not called {@code ProgrammeDates}: that
 * is the kernel's value the aggregate holds.)
 */
@Aggregate
public class ProgrammePartDates {

    @AggregateIdentifier
    private String programmePart;
    private ProgrammeDates dates;

    protected ProgrammePartDates() {
        // for Axon
    }

    /* Create-if-missing: setting the dates the first time and changing them later are the same command. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetProgrammeDatesCommand command, MetaData metaData) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.SET_PROGRAMME_DATES);
        ProgrammeDates before = dates != null ? dates : ProgrammeDates.defaults(command.dates().part());
        if (before.equals(command.dates())) {
            throw new RuleViolationException("programme-dates.unchanged",
                    "Für " + command.dates().part().germanName() + " gelten bereits genau diese Fristen; es gibt nichts zu ändern.");
        }
        apply(new ProgrammeDatesSetEvent(command.programmePart(), before, command.dates(), command.reason()),
                Actors.metaDataOf(actor));
    }

    /** The dates in force. */
    public ProgrammeDates dates() {
        return dates;
    }

    @EventSourcingHandler
    void on(ProgrammeDatesSetEvent event) {
        programmePart = event.programmePart();
        dates = event.after();
    }
}
