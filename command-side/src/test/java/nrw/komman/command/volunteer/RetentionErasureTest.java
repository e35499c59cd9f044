package nrw.komman.command.volunteer;

import nrw.komman.command.testing.FakeCentreRegistry;
import nrw.komman.command.testing.FakeGrantRegistry;
import nrw.komman.command.testing.InMemoryEmailRegistry;
import nrw.komman.command.testing.InMemoryVolunteerRetention;
import nrw.komman.command.testing.TestClock;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.privacy.ErasureReason;
import nrw.komman.kernel.privacy.VolunteerDataErasedEvent;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import nrw.komman.kernel.volunteer.VolunteerDeactivatedEvent;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerReactivatedEvent;
import nrw.komman.kernel.volunteer.VolunteerRegisteredEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static nrw.komman.command.testing.TestClock.TODAY;
import static nrw.komman.command.volunteer.VolunteerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The erasure of a retention run through the real repository: the aggregate, loaded from its events, decides
 * again whether the volunteer is due, and its events are appended when the unit of work commits.
 */
class RetentionErasureTest {

    private static final LocalDate CUTOFF = TODAY.minusYears(3);
    private static final Actor RUN_BY = new Actor("betrieb", AccountRole.SYSTEM, null);

    private PersonalDataVault vault;
    private InMemoryEmailRegistry emails;
    private InMemoryVolunteerRetention retention;
    private EmbeddedEventStore eventStore;
    private AxonRetentionErasure erasure;

    @BeforeEach
    void setUp() {
        vault = newVault();
        emails = new InMemoryEmailRegistry();
        retention = new InMemoryVolunteerRetention();
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        EventSourcingRepository<Volunteer> repository = EventSourcingRepository.builder(Volunteer.class)
                .eventStore(eventStore)
                .parameterResolverFactory(MultiParameterResolverFactory.ordered(
                        ClasspathParameterResolverFactory.forClass(Volunteer.class),
                        new SimpleResourceParameterResolverFactory(List.of(TestClock.CLOCK, vault, emails, retention,
                                new FakeCentreRegistry(), new FakeGrantRegistry()))))
                .build();
        erasure = new AxonRetentionErasure(repository, TestClock.CLOCK, vault, emails, retention,
                new nrw.komman.command.testing.NoLegacyPlainTexts());
    }

    /** A volunteer with the given history after the registration, as stored. */
    private VolunteerId volunteer(Object... history) {
        VolunteerId id = new VolunteerId(UUID.randomUUID());
        emails.remembered(id, VIERSEN, id + "@example.org", false);
        long sequence = 0;
        store(id, sequence++, new VolunteerRegisteredEvent(id, VIERSEN, vault.seal(id, AMIRA_DATA),
                nrw.komman.kernel.volunteer.SealedConsent.of(id, CONSENT, vault), REGISTERED_ON.minusYears(6)));
        for (Object event : history) {
            store(id, sequence++, event);
        }
        return id;
    }

    private void store(VolunteerId id, long sequence, Object payload) {
        eventStore.publish(new GenericDomainEventMessage<>("Volunteer", id.toString(), sequence, payload));
    }

    private boolean eraseIfDue(VolunteerId id) {
        return DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> erasure.eraseIfDue(id, CUTOFF, RUN_BY))
                .getPayload();
    }

    private List<EventMessage<?>> events(VolunteerId id) {
        return eventStore.readEvents(id.toString()).asStream().<EventMessage<?>>map(e -> e).toList();
    }

    @Test
    void a_volunteer_inactive_since_the_cutoff_or_earlier_is_erased_as_the_platform_with_the_runners_account() {
        VolunteerId id = volunteer(new VolunteerDeactivatedEvent(null, VIERSEN, CUTOFF));

        assertThat(eraseIfDue(id)).isTrue();

        List<EventMessage<?>> events = events(id);
        assertThat(events).hasSize(3);
        assertThat(events.get(2).getPayload())
                .isEqualTo(new VolunteerDataErasedEvent(id, VIERSEN, ErasureReason.RETENTION, TODAY));
        assertThat(events.get(2).getMetaData()).containsEntry(Actor.ACCOUNT, "betrieb").containsEntry(Actor.ROLE, "SYSTEM");
        assertThat(vault.isShredded(id)).isTrue();
        assertThat(emails.addressOf(id)).isEmpty();
    }

    @Test
    void a_volunteer_inactive_for_less_than_the_period_is_left_alone() {
        VolunteerId id = volunteer(new VolunteerDeactivatedEvent(null, VIERSEN, CUTOFF.plusDays(1)));

        assertThat(eraseIfDue(id)).isFalse();

        assertThat(events(id)).hasSize(2);
        assertThat(vault.isShredded(id)).isFalse();
    }

    @Test
    void a_volunteer_reactivated_meanwhile_is_left_alone_whatever_the_register_says() {
        VolunteerId id = volunteer(new VolunteerDeactivatedEvent(null, VIERSEN, CUTOFF.minusYears(1)),
                new VolunteerReactivatedEvent(null, VIERSEN, TODAY.minusDays(2)));
        retention.deactivated(id, VIERSEN, CUTOFF.minusYears(1)); // a stale row

        assertThat(eraseIfDue(id)).isFalse();

        assertThat(events(id)).hasSize(3);
        assertThat(vault.isShredded(id)).isFalse();
    }

    @Test
    void the_inactivity_counts_from_the_last_deactivation() {
        VolunteerId id = volunteer(new VolunteerDeactivatedEvent(null, VIERSEN, CUTOFF.minusYears(2)),
                new VolunteerReactivatedEvent(null, VIERSEN, CUTOFF.minusYears(1)),
                new VolunteerDeactivatedEvent(null, VIERSEN, CUTOFF.plusMonths(1)));

        assertThat(eraseIfDue(id)).isFalse();
    }

    @Test
    void an_active_or_already_erased_volunteer_is_left_alone() {
        VolunteerId active = volunteer();
        VolunteerId erased = volunteer(new VolunteerDeactivatedEvent(null, VIERSEN, CUTOFF.minusYears(1)),
                new VolunteerDataErasedEvent(null, VIERSEN, ErasureReason.REQUEST, CUTOFF));

        assertThat(eraseIfDue(active)).isFalse();
        assertThat(eraseIfDue(erased)).isFalse();

        assertThat(events(active)).hasSize(1);
        assertThat(events(erased)).hasSize(3);
    }

    @Test
    void an_unknown_volunteer_is_skipped() {
        assertThat(eraseIfDue(VolunteerId.random())).isFalse();
    }
}
