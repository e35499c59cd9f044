package nrw.komman.command.volunteer;

import nrw.komman.command.testing.FakeCentreRegistry;
import nrw.komman.command.testing.FakeGrantRegistry;
import nrw.komman.command.testing.InMemoryEmailRegistry;
import nrw.komman.command.testing.InMemoryVolunteerRetention;
import nrw.komman.command.testing.TestClock;
import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.activity.ActivityCorrectedEvent;
import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.activity.ActivityLoggedEvent;
import nrw.komman.kernel.activity.ActivityWithdrawnEvent;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.coordination.Availability;
import nrw.komman.kernel.coordination.CertificateId;
import nrw.komman.kernel.coordination.CertificateIssuedEvent;
import nrw.komman.kernel.coordination.CertificateLine;
import nrw.komman.kernel.coordination.DayPart;
import nrw.komman.kernel.coordination.IssueCertificateCommand;
import nrw.komman.kernel.coordination.IssueVolunteerLinkCommand;
import nrw.komman.kernel.coordination.RevokeVolunteerLinkCommand;
import nrw.komman.kernel.coordination.UpdateAvailabilityCommand;
import nrw.komman.kernel.coordination.VolunteerAvailabilityUpdatedEvent;
import nrw.komman.kernel.coordination.VolunteerLinkId;
import nrw.komman.kernel.coordination.VolunteerLinkIssuedEvent;
import nrw.komman.kernel.coordination.VolunteerLinkRevokedEvent;
import nrw.komman.kernel.privacy.ErasureReason;
import nrw.komman.kernel.privacy.VolunteerDataErasedEvent;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import nrw.komman.kernel.volunteer.VolunteerDeactivatedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static nrw.komman.command.testing.EventsSatisfying.eventsSatisfying;
import static nrw.komman.command.testing.Refusal.refused;
import static nrw.komman.command.testing.TestClock.TODAY;
import static nrw.komman.command.volunteer.VolunteerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The volunteer's side of coordination (issue 18): availability, the personal link, the confirmation of volunteering. */
class VolunteerCoordinationTest {

    private static final Actor AMIRA_THROUGH_HER_LINK = Actor.volunteer(AMIRA.value(), VIERSEN);
    private static final Actor JONAS_THROUGH_HIS_LINK = Actor.volunteer(JONAS.value(), VIERSEN);
    private static final Availability TUESDAY_MORNINGS = new Availability(
            Set.of(new Availability.Slot(DayOfWeek.TUESDAY, DayPart.MORNING)),
            List.of(new Availability.Absence(LocalDate.of(2026, 12, 20), LocalDate.of(2027, 1, 6))));
    private static final VolunteerLinkId LINK = new VolunteerLinkId(UUID.fromString("11111111-0000-4000-8000-000000000001"));
    private static final VolunteerLinkId NEWER_LINK = new VolunteerLinkId(UUID.fromString("11111111-0000-4000-8000-000000000002"));
    private static final String HASH = "ab".repeat(32);
    private static final CertificateId CERTIFICATE = new CertificateId(UUID.fromString("ce000000-0000-4000-8000-000000000001"));

    private AggregateTestFixture<Volunteer> fixture;
    private PersonalDataVault vault;

    @BeforeEach
    void setUp() {
        vault = newVault();
        fixture = new AggregateTestFixture<>(Volunteer.class);
        fixture.registerInjectableResource(TestClock.CLOCK);
        fixture.registerInjectableResource(vault);
        fixture.registerInjectableResource(new FakeCentreRegistry().established(VIERSEN, CENTRE_ESTABLISHED));
        fixture.registerInjectableResource(new InMemoryEmailRegistry());
        fixture.registerInjectableResource(new InMemoryVolunteerRetention());
        fixture.registerInjectableResource(new FakeGrantRegistry());
    }

    private VolunteerDataErasedEvent erased() {
        vault.shred(AMIRA);
        return new VolunteerDataErasedEvent(AMIRA, VIERSEN, ErasureReason.REQUEST, TODAY);
    }

    @Nested
    class Availabilities {

        @Test
        void the_volunteer_updates_their_own_availability_sealed_in_its_canonical_form() {
            fixture.given(amiraRegistered(vault))
                    .when(new UpdateAvailabilityCommand(AMIRA, TUESDAY_MORNINGS), AMIRA_THROUGH_HER_LINK.toMetaData())
                    .expectEventsMatching(eventsSatisfying(events -> {
                        VolunteerAvailabilityUpdatedEvent e = (VolunteerAvailabilityUpdatedEvent) events.get(0).getPayload();
                        assertThat(e.availability().ciphertext()).doesNotContain("TUESDAY", "MORNING", "2026-12-20");
                        assertThat(vault.openText(AMIRA, e.availability())).contains(TUESDAY_MORNINGS.canonical());
                        assertThat(events.get(0).getMetaData()).containsEntry(Actor.ACCOUNT, "volunteer:" + AMIRA);
                    }));
        }

        @Test
        void a_coordinator_of_the_centre_updates_it_too() {
            fixture.given(amiraRegistered(vault))
                    .when(new UpdateAvailabilityCommand(AMIRA, TUESDAY_MORNINGS), COORDINATOR.toMetaData())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void a_volunteer_updates_nobody_elses_availability() {
            fixture.given(amiraRegistered(vault))
                    .when(new UpdateAvailabilityCommand(AMIRA, TUESDAY_MORNINGS), JONAS_THROUGH_HIS_LINK.toMetaData())
                    .expectException(refused(ForbiddenException.class, "volunteer.forbidden"))
                    .expectNoEvents();
        }

        @Test
        void a_coordinator_of_another_centre_cannot() {
            fixture.given(amiraRegistered(vault))
                    .when(new UpdateAvailabilityCommand(AMIRA, TUESDAY_MORNINGS), OTHER_COORDINATOR.toMetaData())
                    .expectException(refused(ForbiddenException.class, "volunteer.forbidden"))
                    .expectNoEvents();
        }

        @Test
        void an_erased_volunteer_has_no_availability() {
            fixture.given(amiraRegistered(vault), erased())
                    .when(new UpdateAvailabilityCommand(AMIRA, TUESDAY_MORNINGS), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "volunteer.erased"))
                    .expectNoEvents();
        }
    }

    @Nested
    class PersonalLinks {

        private IssueVolunteerLinkCommand issue(VolunteerLinkId linkId) {
            return new IssueVolunteerLinkCommand(AMIRA, linkId, HASH, TODAY.plusDays(90));
        }

        @Test
        void a_coordinator_issues_a_link_keeping_only_its_hash() {
            fixture.given(amiraRegistered(vault))
                    .when(issue(LINK), COORDINATOR.toMetaData())
                    .expectEvents(new VolunteerLinkIssuedEvent(AMIRA, VIERSEN, LINK, HASH, TODAY.plusDays(90)));
        }

        @Test
        void only_an_active_volunteer_gets_a_link() {
            fixture.given(amiraRegistered(vault), new VolunteerDeactivatedEvent(AMIRA, VIERSEN, TODAY))
                    .when(issue(LINK), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "volunteer.inactive"))
                    .expectNoEvents();
        }

        @Test
        void an_erased_volunteer_gets_no_link() {
            fixture.given(amiraRegistered(vault), new VolunteerDeactivatedEvent(AMIRA, VIERSEN, TODAY), erased())
                    .when(issue(LINK), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "volunteer.erased"))
                    .expectNoEvents();
        }

        @Test
        void a_volunteer_does_not_issue_links_and_no_other_centre_does() {
            fixture.given(amiraRegistered(vault))
                    .when(issue(LINK), AMIRA_THROUGH_HER_LINK.toMetaData())
                    .expectException(refused(ForbiddenException.class, "volunteer.forbidden"))
                    .expectNoEvents();
            fixture.given(amiraRegistered(vault))
                    .when(issue(LINK), OTHER_COORDINATOR.toMetaData())
                    .expectException(refused(ForbiddenException.class, "volunteer.forbidden"))
                    .expectNoEvents();
        }

        @Test
        void a_link_expires_after_today() {
            fixture.given(amiraRegistered(vault))
                    .when(new IssueVolunteerLinkCommand(AMIRA, LINK, HASH, TODAY), COORDINATOR.toMetaData())
                    .expectException(refused(InvalidInputException.class, "link.expires-on.past"))
                    .expectNoEvents();
        }

        @Test
        void revoking_stops_the_newest_link() {
            fixture.given(amiraRegistered(vault), new VolunteerLinkIssuedEvent(AMIRA, VIERSEN, LINK, HASH, TODAY.plusDays(9)),
                            new VolunteerLinkIssuedEvent(AMIRA, VIERSEN, NEWER_LINK, "cd".repeat(32), TODAY.plusDays(90)))
                    .when(new RevokeVolunteerLinkCommand(AMIRA), COORDINATOR.toMetaData())
                    .expectEvents(new VolunteerLinkRevokedEvent(AMIRA, VIERSEN, NEWER_LINK));
        }

        @Test
        void there_is_nothing_to_revoke_without_a_link() {
            fixture.given(amiraRegistered(vault), new VolunteerLinkIssuedEvent(AMIRA, VIERSEN, LINK, HASH, TODAY.plusDays(9)),
                            new VolunteerLinkRevokedEvent(AMIRA, VIERSEN, LINK))
                    .when(new RevokeVolunteerLinkCommand(AMIRA), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "link.none"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Certificates {

        private final ActivityId first = new ActivityId(UUID.fromString("7a1d0e55-0000-4000-8000-000000000001"));
        private final ActivityId second = new ActivityId(UUID.fromString("7a1d0e55-0000-4000-8000-000000000002"));
        private final ActivityId withdrawn = new ActivityId(UUID.fromString("7a1d0e55-0000-4000-8000-000000000003"));
        private final ActivityId lastYear = new ActivityId(UUID.fromString("7a1d0e55-0000-4000-8000-000000000004"));

        private Object[] history() {
            LocalDate november = LocalDate.of(2026, 11, 10);
            return new Object[]{
                    amiraRegistered(vault),
                    new ActivityLoggedEvent(first, AMIRA, VIERSEN, november, 120, ActivityCategory.ACCOMPANIMENT, null, null),
                    new ActivityLoggedEvent(second, AMIRA, VIERSEN, november, 60, ActivityCategory.LANGUAGE_SUPPORT, null, null),
                    // corrected: 90 minutes of accompaniment, not 60 of language support
                    new ActivityCorrectedEvent(second, AMIRA, VIERSEN, november, 90, ActivityCategory.ACCOMPANIMENT, null, null, null, null),
                    new ActivityLoggedEvent(withdrawn, AMIRA, VIERSEN, november, 300, ActivityCategory.ACCOMPANIMENT, null, null),
                    new ActivityWithdrawnEvent(withdrawn, AMIRA, VIERSEN, null, null),
                    new ActivityLoggedEvent(lastYear, AMIRA, VIERSEN, LocalDate.of(2026, 3, 5), 45, ActivityCategory.EDUCATION, null, null)};
        }

        @Test
        void the_certificate_totals_minutes_per_year_and_category_as_corrected_without_withdrawn_ones() {
            fixture.given(history())
                    .when(new IssueCertificateCommand(AMIRA, CERTIFICATE), AMIRA_THROUGH_HER_LINK.toMetaData())
                    .expectEventsMatching(eventsSatisfying(events -> {
                        CertificateIssuedEvent e = (CertificateIssuedEvent) events.get(0).getPayload();
                        assertThat(e.issuedOn()).isEqualTo(TODAY);
                        assertThat(e.centreId()).isEqualTo(VIERSEN);
                        assertThat(e.lines()).containsExactlyInAnyOrder(
                                new CertificateLine(2026, ActivityCategory.ACCOMPANIMENT, 210),
                                new CertificateLine(2026, ActivityCategory.EDUCATION, 45));
                    }));
        }

        @Test
        void a_volunteer_gets_only_their_own_certificate() {
            fixture.given(history())
                    .when(new IssueCertificateCommand(AMIRA, CERTIFICATE), JONAS_THROUGH_HIS_LINK.toMetaData())
                    .expectException(refused(ForbiddenException.class, "volunteer.forbidden"))
                    .expectNoEvents();
        }

        @Test
        void a_coordinator_of_the_centre_issues_one_too() {
            fixture.given(history())
                    .when(new IssueCertificateCommand(AMIRA, CERTIFICATE), COORDINATOR.toMetaData())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void without_activities_there_is_nothing_to_certify() {
            fixture.given(amiraRegistered(vault))
                    .when(new IssueCertificateCommand(AMIRA, CERTIFICATE), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "certificate.no-activities"))
                    .expectNoEvents();
        }

        @Test
        void an_erased_volunteer_gets_no_certificate() {
            Object[] history = history();
            Object[] withErasure = java.util.Arrays.copyOf(history, history.length + 2);
            withErasure[history.length] = new VolunteerDeactivatedEvent(AMIRA, VIERSEN, TODAY);
            withErasure[history.length + 1] = erased();
            fixture.given(withErasure)
                    .when(new IssueCertificateCommand(AMIRA, CERTIFICATE), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "volunteer.erased"))
                    .expectNoEvents();
        }
    }
}
