package nrw.komman.command.coordination;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.privacy.VolunteerDataErasedEvent;
import nrw.komman.kernel.volunteer.VolunteerDeactivatedEvent;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerReactivatedEvent;
import nrw.komman.kernel.volunteer.VolunteerRegisteredEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The volunteer's standing folded from their own events in the event store, as committed (on JDBC and on Axon
 * Server alike). Deliberately not by loading the {@code Volunteer} aggregate through its repository: that would
 * take the volunteer's aggregate lock inside a request's command, while a deactivation holds the volunteer's lock
 * and waits for the booking ledger's row (its policy cancels the volunteer's assignments), a deadlock. Read here
 * after the ledger's row of the volunteer is locked, the answer is current: a deactivation committing meanwhile
 * either committed before (and is seen) or waits for the lock and then cancels what this command booked. Only the
 * few status events are deserialised; the payload type of the others is read from the stored row.
 */
@Component
class EventStoreVolunteerStanding implements VolunteerStanding {

    private final ObjectProvider<EventStore> eventStore;

    EventStoreVolunteerStanding(ObjectProvider<EventStore> eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<Standing> find(VolunteerId volunteerId) {
        DomainEventStream events = eventStore.getObject().readEvents(volunteerId.toString(), 0);
        CentreId centre = null;
        boolean active = false;
        boolean erased = false;
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            Class<?> type = event.getPayloadType();
            if (type == VolunteerRegisteredEvent.class) {
                centre = ((VolunteerRegisteredEvent) event.getPayload()).centreId();
                active = true;
            } else if (type == VolunteerDeactivatedEvent.class) {
                active = false;
            } else if (type == VolunteerReactivatedEvent.class) {
                active = true;
            } else if (type == VolunteerDataErasedEvent.class) {
                erased = true;
                active = false;
            }
        }
        return centre == null ? Optional.empty() : Optional.of(new Standing(volunteerId, centre, active, erased));
    }
}
