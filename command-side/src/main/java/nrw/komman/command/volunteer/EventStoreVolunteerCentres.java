package nrw.komman.command.volunteer;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerRegisteredEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The centre from the volunteer's registration, the first event of their stream (on JDBC and on Axon Server alike). */
@Component
class EventStoreVolunteerCentres implements VolunteerCentres {

    private final ObjectProvider<EventStore> eventStore;

    EventStoreVolunteerCentres(ObjectProvider<EventStore> eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<CentreId> registeredIn(VolunteerId volunteerId) {
        DomainEventStream events = eventStore.getObject().readEvents(volunteerId.toString(), 0);
        if (!events.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = events.next();
        return first.getPayload() instanceof VolunteerRegisteredEvent registered
                ? Optional.of(registered.centreId()) : Optional.empty();
    }
}
