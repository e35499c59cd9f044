package nrw.komman.command.volunteer;

import nrw.komman.command.testing.FakeCentreRegistry;
import nrw.komman.command.testing.FakeGrantRegistry;
import nrw.komman.command.testing.InMemoryEmailRegistry;
import nrw.komman.command.testing.InMemoryVolunteerRetention;
import nrw.komman.command.testing.NoLegacyPlainTexts;
import nrw.komman.kernel.privacy.LegacyTextsRedactedEvent;
import nrw.komman.command.testing.TestClock;
import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.activity.ActivityCorrectedEvent;
import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.activity.ActivityLoggedEvent;
import nrw.komman.kernel.activity.ActivityWithdrawnEvent;
import nrw.komman.kernel.activity.CorrectActivityCommand;
import nrw.komman.kernel.activity.LogActivityCommand;
import nrw.komman.kernel.activity.WithdrawActivityCommand;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.privacy.ConsentWithdrawnEvent;
import nrw.komman.kernel.privacy.EraseVolunteerDataCommand;
import nrw.komman.kernel.privacy.ErasureReason;
import nrw.komman.kernel.privacy.VolunteerDataErasedEvent;
import nrw.komman.kernel.privacy.WithdrawConsentCommand;
import nrw.komman.kernel.volunteer.DeactivateVolunteerCommand;
import nrw.komman.kernel.volunteer.PersonalData;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import nrw.komman.kernel.volunteer.ReactivateVolunteerCommand;
import nrw.komman.kernel.volunteer.RegisterVolunteerCommand;
import nrw.komman.kernel.volunteer.SealedPersonalData;
import nrw.komman.kernel.volunteer.UpdateVolunteerProfileCommand;
import nrw.komman.kernel.volunteer.VolunteerDeactivatedEvent;
import nrw.komman.kernel.volunteer.VolunteerRegisteredEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static nrw.komman.command.testing.EventsSatisfying.eventsSatisfying;
import static nrw.komman.command.testing.Given.by;
import static nrw.komman.command.testing.Refusal.refused;
import static nrw.komman.command.testing.TestClock.TODAY;
import static nrw.komman.command.volunteer.VolunteerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DSGVO Art. 17 on the command side: erasure on request, by withdrawn consent, and what is left afterwards. */
class VolunteerErasureTest {

    private static final ActivityId ACTIVITY = new ActivityId(UUID.fromString("7a1d0e55-0000-4000-8000-00000000000b"));
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final Actor ADMINISTRATOR = Actor.of("betrieb", AccountRole.ADMINISTRATOR);
    private static final Instant NOW = TestClock.CLOCK.instant();

    private AggregateTestFixture<Volunteer> fixture;
    private PersonalDataVault vault;
    private InMemoryEmailRegistry emails;
    private InMemoryVolunteerRetention retention;
    private NoLegacyPlainTexts legacyTexts;
    private VolunteerRegisteredEvent registered;

    @BeforeEach
    void setUp() {
        vault = newVault();
        emails = new InMemoryEmailRegistry().remembered(AMIRA, VIERSEN, AMIRA_DATA.email(), true);
        retention = new InMemoryVolunteerRetention();
        fixture = new AggregateTestFixture<>(Volunteer.class);
        fixture.registerInjectableResource(TestClock.CLOCK);
        fixture.registerInjectableResource(vault);
        fixture.registerInjectableResource(emails);
        fixture.registerInjectableResource(retention);
        legacyTexts = new NoLegacyPlainTexts();
        fixture.registerInjectableResource(legacyTexts);
        fixture.registerInjectableResource(new FakeCentreRegistry().established(VIERSEN, CENTRE_ESTABLISHED));
        fixture.registerInjectableResource(new FakeGrantRegistry());
        registered = amiraRegistered(vault);
    }

    private TestExecutor<Volunteer> givenActive() {
        return fixture.given(registered);
    }

    private TestExecutor<Volunteer> givenInactive() {
        retention.deactivated(AMIRA, VIERSEN, TODAY.minusYears(1));
        emails.release(AMIRA);
        return fixture.given(registered, new VolunteerDeactivatedEvent(AMIRA, VIERSEN, TODAY.minusYears(1)));
    }

    private TestExecutor<Volunteer> givenErased(Object... more) {
        vault.shred(AMIRA);
        emails.forget(AMIRA);
        List<Object> events = new java.util.ArrayList<>(List.of(registered,
                new ActivityLoggedEvent(ACTIVITY, AMIRA, VIERSEN, DAY, 120, ActivityCategory.ACCOMPANIMENT,
                        null, null),
                new VolunteerDeactivatedEvent(AMIRA, VIERSEN, TODAY.minusDays(1)),
                new VolunteerDataErasedEvent(AMIRA, VIERSEN, ErasureReason.REQUEST, TODAY.minusDays(1))));
        events.addAll(List.of(more));
        return fixture.given(events);
    }

    private static EraseVolunteerDataCommand erase() {
        return new EraseVolunteerDataCommand(AMIRA, ErasureReason.REQUEST);
    }

    private void assertErasedEverywhere(SealedPersonalData sealedBefore) {
        assertThat(vault.isShredded(AMIRA)).as("key destroyed").isTrue();
        assertThat(vault.open(AMIRA, sealedBefore)).as("the registration event opens to nothing").isEmpty();
        assertThat(emails.addressOf(AMIRA)).as("fingerprint forgotten").isEmpty();
        assertThat(emails.holderOf(AMIRA_DATA.email())).as("claim released").isEmpty();
        assertThat(retention.inactiveSince(AMIRA)).as("out of the retention register").isEmpty();
    }

    private void assertNothingErased() {
        assertThat(vault.isShredded(AMIRA)).isFalse();
        assertThat(vault.open(AMIRA, registered.personalData())).contains(AMIRA_DATA);
        assertThat(emails.addressOf(AMIRA)).isPresent();
    }

    @Nested
    class OnRequest {

        @Test
        void a_coordinator_erases_an_active_volunteer_who_is_deactivated_first_and_the_key_is_destroyed() {
            givenActive()
                    .when(erase(), COORDINATOR.toMetaData())
                    .expectEvents(new VolunteerDeactivatedEvent(AMIRA, VIERSEN, TODAY),
                            new VolunteerDataErasedEvent(AMIRA, VIERSEN, ErasureReason.REQUEST, TODAY))
                    .expectEventsMatching(eventsSatisfying(events -> assertThat(events).allSatisfy(e ->
                            assertThat(e.getMetaData()).containsEntry(Actor.ACCOUNT, "k.yilmaz")
                                    .containsEntry(Actor.ROLE, "COORDINATOR"))));
            assertErasedEverywhere(registered.personalData());
        }

        @Test
        void an_inactive_volunteer_is_erased_without_a_second_deactivation() {
            givenInactive()
                    .when(erase(), COORDINATOR.toMetaData())
                    .expectEvents(new VolunteerDataErasedEvent(AMIRA, VIERSEN, ErasureReason.REQUEST, TODAY));
            assertErasedEverywhere(registered.personalData());
        }

        @Test
        void every_sealed_copy_is_unreadable_afterwards_profile_updates_and_notes_too() {
            PersonalData updated = new PersonalData("Amira H.", "amira@example.net", null, null, Set.of("de"), Set.of());
            SealedPersonalData sealedUpdate = vault.seal(AMIRA, updated);
            var note = vault.sealText(AMIRA, "Termin beim Ausländeramt");
            givenActive()
                    .when(erase(), COORDINATOR.toMetaData())
                    .expectSuccessfulHandlerExecution();
            assertThat(vault.open(AMIRA, sealedUpdate)).isEmpty();
            assertThat(vault.openText(AMIRA, note)).isEmpty();
        }

        @Test
        void plain_texts_stored_by_an_older_release_are_redacted_and_the_redaction_is_recorded_before_the_erasure() {
            legacyTexts.holding(AMIRA, "event-registered", "event-withdrawn");
            givenInactive()
                    .when(erase(), COORDINATOR.toMetaData())
                    .expectEvents(new LegacyTextsRedactedEvent(AMIRA, VIERSEN, List.of("event-registered", "event-withdrawn"), TODAY),
                            new VolunteerDataErasedEvent(AMIRA, VIERSEN, ErasureReason.REQUEST, TODAY));
            assertThat(legacyTexts.redacted()).containsExactly(AMIRA);
        }

        @Test
        void without_plain_texts_nothing_but_the_erasure_is_recorded_yet_the_store_is_asked() {
            givenInactive()
                    .when(erase(), COORDINATOR.toMetaData())
                    .expectEvents(new VolunteerDataErasedEvent(AMIRA, VIERSEN, ErasureReason.REQUEST, TODAY));
            assertThat(legacyTexts.redacted()).containsExactly(AMIRA);
        }

        @Test
        void a_withdrawal_of_consent_redacts_as_well() {
            legacyTexts.holding(AMIRA, "event-registered");
            givenInactive()
                    .when(new WithdrawConsentCommand(AMIRA, Instant.parse("2026-11-24T16:00:00Z")), COORDINATOR.toMetaData())
                    .expectEvents(new ConsentWithdrawnEvent(AMIRA, VIERSEN, Instant.parse("2026-11-24T16:00:00Z")),
                            new LegacyTextsRedactedEvent(AMIRA, VIERSEN, List.of("event-registered"), TODAY),
                            new VolunteerDataErasedEvent(AMIRA, VIERSEN, ErasureReason.CONSENT_WITHDRAWN, TODAY));
        }

        @Test
        void a_refused_erasure_redacts_nothing() {
            legacyTexts.holding(AMIRA, "event-registered");
            givenActive()
                    .when(erase(), Actor.coordinator("k.aachen", new nrw.komman.kernel.centre.CentreId("05334002")).toMetaData())
                    .expectException(ForbiddenException.class);
            assertThat(legacyTexts.redacted()).isEmpty();
        }

        @Test
        void the_erasure_event_carries_no_personal_data_only_ids_reason_and_day() {
            givenActive()
                    .when(erase(), COORDINATOR.toMetaData())
                    .expectEventsMatching(eventsSatisfying(events -> {
                        for (EventMessage<?> event : events) {
                            String text = event.getPayload().toString() + event.getMetaData();
                            for (String plain : List.of("Amira", "Haddad", "example.org", "123456", "dienstags")) {
                                assertThat(text).doesNotContainIgnoringCase(plain);
                            }
                        }
                    }));
        }

        @Test
        void an_administrator_may_erase() {
            givenActive()
                    .when(erase(), ADMINISTRATOR.toMetaData())
                    .expectEvents(new VolunteerDeactivatedEvent(AMIRA, VIERSEN, TODAY),
                            new VolunteerDataErasedEvent(AMIRA, VIERSEN, ErasureReason.REQUEST, TODAY));
            assertThat(vault.isShredded(AMIRA)).isTrue();
        }

        @Test
        void the_platform_may_erase_for_a_retention_run() {
            givenInactive()
                    .when(new EraseVolunteerDataCommand(AMIRA, ErasureReason.RETENTION), Actor.SYSTEM.toMetaData())
                    .expectEvents(new VolunteerDataErasedEvent(AMIRA, VIERSEN, ErasureReason.RETENTION, TODAY));
        }

        @Test
        void a_coordinator_of_another_centre_may_not_erase_and_nothing_is_destroyed() {
            givenActive()
                    .when(erase(), OTHER_COORDINATOR.toMetaData())
                    .expectException(refused(ForbiddenException.class, "volunteer.erase.forbidden"))
                    .expectNoEvents();
            assertNothingErased();
        }

        @ParameterizedTest
        @EnumSource(value = AccountRole.class, names = {"GRANT_OFFICER", "MINISTRY", "AUDITOR"})
        void grant_officers_ministry_and_auditors_may_not_erase(AccountRole role) {
            givenActive()
                    .when(erase(), Actor.of("someone", role).toMetaData())
                    .expectException(refused(ForbiddenException.class, "volunteer.erase.forbidden"))
                    .expectNoEvents();
            assertNothingErased();
        }

        @Test
        void a_second_erasure_is_refused() {
            givenErased()
                    .when(erase(), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "volunteer.already-erased"))
                    .expectNoEvents();
        }

        @Test
        void the_erasure_of_one_volunteer_leaves_another_readable() {
            var jonasData = new PersonalData("Jonas Weber", "jonas@example.org", null, null, Set.of("de"), Set.of());
            SealedPersonalData jonas = vault.seal(JONAS, jonasData);
            givenActive()
                    .when(erase(), COORDINATOR.toMetaData())
                    .expectSuccessfulHandlerExecution();
            assertThat(vault.open(JONAS, jonas)).contains(jonasData);
            assertThat(vault.isShredded(JONAS)).isFalse();
        }

        @Test
        void the_address_of_an_erased_volunteer_is_free_for_a_new_registration() {
            givenActive()
                    .when(erase(), COORDINATOR.toMetaData())
                    .expectSuccessfulHandlerExecution();

            fixture.givenNoPriorActivity()
                    .when(new RegisterVolunteerCommand(JONAS, VIERSEN, new PersonalData("Jonas Weber", AMIRA_DATA.email(),
                            null, null, Set.of(), Set.of()), CONSENT, null), COORDINATOR.toMetaData())
                    .expectSuccessfulHandlerExecution();
            assertThat(emails.holderOf(AMIRA_DATA.email())).contains(JONAS);
        }
    }

    @Nested
    class AfterErasure {

        @Test
        void the_profile_is_not_updated_any_more() {
            givenErased()
                    .when(new UpdateVolunteerProfileCommand(AMIRA, AMIRA_DATA), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "volunteer.erased"))
                    .expectNoEvents();
            assertThat(emails.addressOf(AMIRA)).isEmpty();
        }

        @Test
        void the_volunteer_is_not_reactivated() {
            givenErased()
                    .when(new ReactivateVolunteerCommand(AMIRA), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "volunteer.erased"))
                    .expectNoEvents();
            assertThat(emails.holderOf(AMIRA_DATA.email())).isEmpty();
        }

        @Test
        void the_volunteer_is_not_deactivated_again() {
            givenErased()
                    .when(new DeactivateVolunteerCommand(AMIRA), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "volunteer.erased"))
                    .expectNoEvents();
            assertThat(retention.inactiveSince(AMIRA)).isEmpty();
        }

        @Test
        void consent_is_not_withdrawn_any_more() {
            givenErased()
                    .when(new WithdrawConsentCommand(AMIRA, NOW), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "volunteer.erased"))
                    .expectNoEvents();
        }

        @Test
        void no_new_activity_is_logged() {
            givenErased()
                    .when(new LogActivityCommand(AMIRA, ActivityId.random(), DAY, 60, ActivityCategory.OTHER, null, null),
                            COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "activity.volunteer-inactive"))
                    .expectNoEvents();
        }

        @Test
        void an_existing_activity_can_still_be_corrected_without_a_note_so_the_figures_stay_right() {
            givenErased()
                    .when(new CorrectActivityCommand(AMIRA, ACTIVITY, DAY, 90, ActivityCategory.ACCOMPANIMENT, null, null,
                            "Dauer falsch erfasst"), COORDINATOR.toMetaData())
                    // without its reason: the key that would seal it is gone, and plain text is ruled out (ADR 21)
                    .expectEvents(new ActivityCorrectedEvent(ACTIVITY, AMIRA, VIERSEN, DAY, 90,
                            ActivityCategory.ACCOMPANIMENT, null, null, null, null));
        }

        @Test
        void a_correction_with_a_note_is_refused_because_no_note_can_be_sealed_under_a_destroyed_key() {
            givenErased()
                    .when(new CorrectActivityCommand(AMIRA, ACTIVITY, DAY, 90, ActivityCategory.ACCOMPANIMENT,
                            "Begleitung zu Dr. Özdemir", null, "Notiz ergänzt"), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "activity.note.volunteer-erased"))
                    .expectNoEvents();
            // why: the vault cannot seal for a destroyed key (and must not create a new one for an erased person)
            assertThatThrownBy(() -> vault.sealText(AMIRA, "Begleitung zu Dr. Özdemir"))
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        void an_existing_activity_can_still_be_withdrawn() {
            givenErased()
                    .when(new WithdrawActivityCommand(AMIRA, ACTIVITY, "doppelt erfasst"), COORDINATOR.toMetaData())
                    .expectEvents(new ActivityWithdrawnEvent(ACTIVITY, AMIRA, VIERSEN, null, null));
        }

        @Test
        void the_correction_rules_still_hold_for_an_erased_volunteer() {
            givenErased()
                    .when(new CorrectActivityCommand(AMIRA, ACTIVITY, REGISTERED_ON.minusDays(1), 90,
                            ActivityCategory.ACCOMPANIMENT, null, null, "Datum"), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "activity.before-registration"));
            givenErased(new ActivityWithdrawnEvent(ACTIVITY, AMIRA, VIERSEN, null, "doppelt"))
                    .when(new CorrectActivityCommand(AMIRA, ACTIVITY, DAY, 90, ActivityCategory.ACCOMPANIMENT, null, null,
                            "Datum"), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "activity.withdrawn"));
        }
    }

    @Nested
    class ConsentWithdrawal {

        private final Instant withdrawnAt = Instant.parse("2026-11-24T16:00:00Z");

        @Test
        void a_coordinator_records_the_withdrawal_and_the_erasure_follows_in_the_same_command() {
            givenActive()
                    .when(new WithdrawConsentCommand(AMIRA, withdrawnAt), COORDINATOR.toMetaData())
                    .expectEvents(new ConsentWithdrawnEvent(AMIRA, VIERSEN, withdrawnAt),
                            new VolunteerDeactivatedEvent(AMIRA, VIERSEN, TODAY),
                            new VolunteerDataErasedEvent(AMIRA, VIERSEN, ErasureReason.CONSENT_WITHDRAWN, TODAY));
            assertErasedEverywhere(registered.personalData());
        }

        @Test
        void an_inactive_volunteer_withdraws_consent_without_a_second_deactivation() {
            givenInactive()
                    .when(new WithdrawConsentCommand(AMIRA, withdrawnAt), COORDINATOR.toMetaData())
                    .expectEvents(new ConsentWithdrawnEvent(AMIRA, VIERSEN, withdrawnAt),
                            new VolunteerDataErasedEvent(AMIRA, VIERSEN, ErasureReason.CONSENT_WITHDRAWN, TODAY));
        }

        @Test
        void the_withdrawal_may_be_recorded_for_right_now() {
            givenActive()
                    .when(new WithdrawConsentCommand(AMIRA, NOW), COORDINATOR.toMetaData())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void the_withdrawal_may_be_at_the_very_moment_consent_was_given() {
            givenActive()
                    .when(new WithdrawConsentCommand(AMIRA, CONSENT.givenAt()), COORDINATOR.toMetaData())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void the_withdrawal_is_not_in_the_future() {
            givenActive()
                    .when(new WithdrawConsentCommand(AMIRA, NOW.plusSeconds(60)), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "consent.withdrawn-at.future"))
                    .expectNoEvents();
            assertNothingErased();
        }

        @Test
        void the_withdrawal_is_not_before_consent_was_given() {
            givenActive()
                    .when(new WithdrawConsentCommand(AMIRA, CONSENT.givenAt().minusSeconds(1)), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "consent.withdrawn-before-given"))
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("02.03.2026"))
                    .expectNoEvents();
            assertNothingErased();
        }

        @Test
        void a_coordinator_of_another_centre_may_not_record_it() {
            givenActive()
                    .when(new WithdrawConsentCommand(AMIRA, withdrawnAt), OTHER_COORDINATOR.toMetaData())
                    .expectException(refused(ForbiddenException.class, "volunteer.forbidden"))
                    .expectNoEvents();
            assertNothingErased();
        }

        @Test
        void only_a_coordinator_of_the_centre_records_it_not_an_administrator_nor_the_platform() {
            for (Actor actor : List.of(ADMINISTRATOR, Actor.SYSTEM, Actor.of("m", AccountRole.MINISTRY))) {
                givenActive()
                        .when(new WithdrawConsentCommand(AMIRA, withdrawnAt), actor.toMetaData())
                        .expectException(refused(ForbiddenException.class, "volunteer.forbidden"))
                        .expectNoEvents();
            }
            assertNothingErased();
        }
    }

    @Test
    void given_events_recorded_with_their_actor_replay_the_erased_state() {
        vault.shred(AMIRA);
        fixture.given(by(COORDINATOR, registered),
                        by(COORDINATOR, new VolunteerDataErasedEvent(AMIRA, VIERSEN, ErasureReason.REQUEST, TODAY)))
                .when(erase(), ADMINISTRATOR.toMetaData())
                .expectException(refused(RuleViolationException.class, "volunteer.already-erased"));
    }
}
