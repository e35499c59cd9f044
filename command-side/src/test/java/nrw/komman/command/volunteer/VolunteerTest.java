package nrw.komman.command.volunteer;

import com.fasterxml.jackson.databind.ObjectMapper;
import nrw.komman.command.testing.FakeCentreRegistry;
import nrw.komman.command.testing.FakeGrantRegistry;
import nrw.komman.command.testing.InMemoryEmailRegistry;
import nrw.komman.command.testing.InMemoryVolunteerRetention;
import nrw.komman.command.testing.TestClock;
import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.volunteer.DeactivateVolunteerCommand;
import nrw.komman.kernel.volunteer.ConsentRecord;
import nrw.komman.kernel.volunteer.PersonalData;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import nrw.komman.kernel.volunteer.ReactivateVolunteerCommand;
import nrw.komman.kernel.volunteer.RegisterVolunteerCommand;
import nrw.komman.kernel.volunteer.UpdateVolunteerProfileCommand;
import nrw.komman.kernel.volunteer.VolunteerDeactivatedEvent;
import nrw.komman.kernel.volunteer.VolunteerProfileUpdatedEvent;
import nrw.komman.kernel.volunteer.VolunteerReactivatedEvent;
import nrw.komman.kernel.volunteer.VolunteerRegisteredEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static nrw.komman.command.testing.EventsSatisfying.eventsSatisfying;
import static nrw.komman.command.testing.Given.by;
import static nrw.komman.command.testing.Refusal.refused;
import static nrw.komman.command.testing.TestClock.TODAY;
import static nrw.komman.command.volunteer.VolunteerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class VolunteerTest {

    private AggregateTestFixture<Volunteer> fixture;
    private PersonalDataVault vault;
    private FakeCentreRegistry centres;
    private InMemoryEmailRegistry emails;
    private InMemoryVolunteerRetention retention;

    @BeforeEach
    void setUp() {
        vault = newVault();
        centres = new FakeCentreRegistry().established(VIERSEN, CENTRE_ESTABLISHED);
        emails = new InMemoryEmailRegistry();
        fixture = new AggregateTestFixture<>(Volunteer.class);
        fixture.registerInjectableResource(TestClock.CLOCK);
        fixture.registerInjectableResource(vault);
        fixture.registerInjectableResource(centres);
        fixture.registerInjectableResource(emails);
        retention = new InMemoryVolunteerRetention();
        fixture.registerInjectableResource(retention);
        fixture.registerInjectableResource(new FakeGrantRegistry());
    }

    private static RegisterVolunteerCommand registration(LocalDate registeredOn) {
        return new RegisterVolunteerCommand(AMIRA, VIERSEN, AMIRA_DATA, CONSENT, registeredOn);
    }

    /** The strings that must never appear in plain text outside the vault. */
    private static List<String> plainPersonalData(PersonalData data) {
        return List.of(data.name(), "Haddad", data.email(), "amira.haddad", data.phone(), "123456", data.availability());
    }

    /**
     * Languages and interests are personal data too (languages may hint at ethnic origin): no category
     * name anywhere, and no language code as a word. A two-letter code is checked as a whole word, so
     * that a Base64 ciphertext, which stays one word, never passes for one by chance.
     */
    private static void assertNoPlainLanguagesOrInterests(String text, PersonalData data) {
        assertThat(data.languages()).isNotEmpty();
        assertThat(data.interests()).isNotEmpty();
        assertThat(words(text)).doesNotContainAnyElementsOf(data.languages());
        for (ActivityCategory interest : data.interests()) {
            assertThat(text).doesNotContainIgnoringCase(interest.name());
        }
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z0-9+/=_]+")).collect(Collectors.toSet());
    }

    @Nested
    class Registration {

        @Test
        void a_coordinator_registers_a_volunteer_of_their_centre_with_sealed_personal_data() {
            fixture.givenNoPriorActivity()
                    .when(registration(REGISTERED_ON), COORDINATOR.toMetaData())
                    .expectEventsMatching(eventsSatisfying(events -> {
                        assertThat(events).hasSize(1);
                        VolunteerRegisteredEvent e = (VolunteerRegisteredEvent) events.get(0).getPayload();
                        assertThat(e.volunteerId()).isEqualTo(AMIRA);
                        assertThat(e.centreId()).isEqualTo(VIERSEN);
                        // the document sealed under the volunteer's key (ADR 21); version and time plain
                        assertThat(e.consent().version()).isEqualTo(CONSENT.version());
                        assertThat(e.consent().givenAt()).isEqualTo(CONSENT.givenAt());
                        assertThat(e.consent().legacyDocument()).isNull();
                        assertThat(vault.openText(AMIRA, e.consent().document())).contains(CONSENT.document());
                        assertThat(e.consent().document().ciphertext()).doesNotContain("Einwilligung");
                        assertThat(e.registeredOn()).isEqualTo(REGISTERED_ON);
                        assertThat(vault.open(AMIRA, e.personalData())).contains(AMIRA_DATA);
                        assertThat(vault.open(AMIRA, e.personalData())).get().satisfies(data -> {
                            assertThat(data.languages()).isEqualTo(LANGUAGES);
                            assertThat(data.interests()).isEqualTo(INTERESTS);
                        });
                        assertThat(events.get(0).getMetaData()).containsEntry(Actor.ACCOUNT, "k.yilmaz");
                    }));
        }

        @Test
        void the_registration_date_is_today_in_berlin_when_none_is_given() {
            fixture.givenNoPriorActivity()
                    .when(registration(null), COORDINATOR.toMetaData())
                    .expectEventsMatching(eventsSatisfying(events -> assertThat(
                            ((VolunteerRegisteredEvent) events.get(0).getPayload()).registeredOn()).isEqualTo(TODAY)));
        }

        @Test
        void the_platform_registers_volunteers_when_seeding() {
            fixture.givenNoPriorActivity()
                    .when(registration(REGISTERED_ON), Actor.SYSTEM.toMetaData())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void a_coordinator_of_another_centre_cannot_register_a_volunteer_here() {
            fixture.givenNoPriorActivity()
                    .when(registration(REGISTERED_ON), OTHER_COORDINATOR.toMetaData())
                    .expectException(refused(ForbiddenException.class, "volunteer.forbidden"))
                    .expectNoEvents();
            assertThat(emails.holderOf(AMIRA_DATA.email())).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(value = AccountRole.class, names = {"GRANT_OFFICER", "MINISTRY", "AUDITOR", "ADMINISTRATOR"})
        void only_coordinators_of_the_centre_register_volunteers(AccountRole role) {
            fixture.givenNoPriorActivity()
                    .when(registration(REGISTERED_ON), Actor.of("someone", role).toMetaData())
                    .expectException(refused(ForbiddenException.class, "volunteer.forbidden"))
                    .expectNoEvents();
        }

        @Test
        void a_centre_that_is_not_established_has_no_volunteers() {
            Actor koeln = OTHER_COORDINATOR;
            fixture.givenNoPriorActivity()
                    .when(new RegisterVolunteerCommand(AMIRA, KOELN, AMIRA_DATA, CONSENT, null), koeln.toMetaData())
                    .expectException(refused(RuleViolationException.class, "centre.not-established"))
                    .expectNoEvents();
        }

        @Test
        void a_closed_centre_registers_no_more_volunteers() {
            centres.closed(VIERSEN, CENTRE_ESTABLISHED, TODAY.minusMonths(1));
            fixture.givenNoPriorActivity()
                    .when(registration(REGISTERED_ON), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "centre.closed"))
                    .expectNoEvents();
        }

        @Test
        void the_registration_date_is_never_in_the_future() {
            fixture.givenNoPriorActivity()
                    .when(registration(TODAY.plusDays(1)), COORDINATOR.toMetaData())
                    .expectException(refused(InvalidInputException.class, "volunteer.registered-on.future"))
                    .expectNoEvents();
        }

        @Test
        void a_registration_today_is_fine() {
            fixture.givenNoPriorActivity()
                    .when(registration(TODAY), COORDINATOR.toMetaData())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void a_consent_signed_in_the_future_is_refused() {
            ConsentRecord tomorrow = new ConsentRecord(CONSENT.document(), CONSENT.version(),
                    TestClock.CLOCK.instant().plusSeconds(24 * 3600));
            fixture.givenNoPriorActivity()
                    .when(new RegisterVolunteerCommand(AMIRA, VIERSEN, AMIRA_DATA, tomorrow, null), COORDINATOR.toMetaData())
                    .expectException(refused(InvalidInputException.class, "consent.givenAt.future"))
                    .expectNoEvents();
            assertThat(emails.holderOf(AMIRA_DATA.email())).isEmpty();
        }

        @Test
        void a_consent_signed_just_now_is_fine() {
            ConsentRecord now = new ConsentRecord(CONSENT.document(), CONSENT.version(), TestClock.CLOCK.instant());
            fixture.givenNoPriorActivity()
                    .when(new RegisterVolunteerCommand(AMIRA, VIERSEN, AMIRA_DATA, now, null), COORDINATOR.toMetaData())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void the_registration_date_is_never_before_the_centre_was_established() {
            fixture.givenNoPriorActivity()
                    .when(registration(CENTRE_ESTABLISHED.minusDays(1)), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "volunteer.registered-before-centre"))
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("(01.04.2019)"))
                    .expectNoEvents();
        }

        @Test
        void a_registration_on_the_day_the_centre_was_established_is_fine() {
            fixture.givenNoPriorActivity()
                    .when(registration(CENTRE_ESTABLISHED), COORDINATOR.toMetaData())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void the_registration_claims_the_e_mail_address() {
            fixture.givenNoPriorActivity()
                    .when(registration(REGISTERED_ON), COORDINATOR.toMetaData())
                    .expectSuccessfulHandlerExecution();
            assertThat(emails.holderOf("amira.haddad@example.org")).contains(AMIRA);
        }

        @Test
        void an_e_mail_address_of_another_active_volunteer_of_the_centre_is_refused() {
            emails.activeHolder(JONAS, VIERSEN, "amira.haddad@example.org");
            fixture.givenNoPriorActivity()
                    .when(registration(REGISTERED_ON), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "volunteer.email.taken"))
                    .expectExceptionMessage("Diese E-Mail-Adresse ist in Ihrem Integrationszentrum bereits für eine aktive Person registriert.")
                    .expectNoEvents();
        }

        @Test
        void an_e_mail_address_claimed_in_another_centre_is_accepted_as_a_free_one_but_only_held() {
            // ADR 27: the coordinator of Viersen must not learn that Köln has a volunteer with this address
            emails.activeHolder(JONAS, KOELN, "amira.haddad@example.org");
            fixture.givenNoPriorActivity()
                    .when(registration(REGISTERED_ON), COORDINATOR.toMetaData())
                    .expectEventsMatching(eventsSatisfying(events -> {
                        assertThat(events).hasSize(1);
                        assertThat(events.get(0).getPayload()).isInstanceOf(VolunteerRegisteredEvent.class);
                    }));
            assertThat(emails.holderOf("amira.haddad@example.org")).as("the claim stays unique").contains(JONAS);
            assertThat(emails.holds(AMIRA)).isTrue();
        }

        @Test
        void a_volunteer_without_e_mail_claims_nothing() {
            PersonalData phoneOnly = new PersonalData("Jonas Weber", null, "02162 98765", null, Set.of(), Set.of());
            fixture.givenNoPriorActivity()
                    .when(new RegisterVolunteerCommand(JONAS, VIERSEN, phoneOnly, CONSENT, null),
                            COORDINATOR.toMetaData())
                    .expectSuccessfulHandlerExecution();
            assertThat(emails.addressOf(JONAS)).isEmpty();
        }
    }

    @Nested
    class NoPlainPersonalData {

        @Test
        void the_registration_event_contains_no_plain_personal_data() {
            fixture.givenNoPriorActivity()
                    .when(registration(REGISTERED_ON), COORDINATOR.toMetaData())
                    .expectEventsMatching(eventsSatisfying(events -> {
                        Object event = events.get(0).getPayload();
                        String json = toJson(event);
                        for (String plain : plainPersonalData(AMIRA_DATA)) {
                            assertThat(event.toString()).doesNotContainIgnoringCase(plain);
                            assertThat(json).doesNotContainIgnoringCase(plain);
                            assertThat(events.get(0).getMetaData().toString()).doesNotContainIgnoringCase(plain);
                        }
                        assertThat(json).doesNotContain("\"languages\"", "\"interests\"");
                        assertNoPlainLanguagesOrInterests(event.toString(), AMIRA_DATA);
                        assertNoPlainLanguagesOrInterests(json, AMIRA_DATA);
                        assertNoPlainLanguagesOrInterests(events.get(0).getMetaData().toString(), AMIRA_DATA);
                    }));
        }

        @Test
        void the_profile_update_event_contains_no_plain_personal_data() {
            PersonalData updated = new PersonalData("Amira Haddad-Schmitz", "amira@example.net", "+49 170 5550001", "samstags",
                    Set.of("uk", "fa"), Set.of(ActivityCategory.INTERPRETING));
            fixture.given(amiraRegistered(vault))
                    .when(new UpdateVolunteerProfileCommand(AMIRA, updated), COORDINATOR.toMetaData())
                    .expectEventsMatching(eventsSatisfying(events -> {
                        Object event = events.get(0).getPayload();
                        for (String plain : List.of("Haddad-Schmitz", "amira@example.net", "5550001", "samstags")) {
                            assertThat(event.toString()).doesNotContainIgnoringCase(plain);
                            assertThat(toJson(event)).doesNotContainIgnoringCase(plain);
                        }
                        assertThat(toJson(event)).doesNotContain("\"languages\"", "\"interests\"");
                        assertNoPlainLanguagesOrInterests(event.toString(), updated);
                        assertNoPlainLanguagesOrInterests(toJson(event), updated);
                    }));
        }

        @Test
        void the_aggregate_keeps_no_plain_personal_data_in_its_fields() {
            fixture.givenNoPriorActivity()
                    .when(registration(REGISTERED_ON), COORDINATOR.toMetaData())
                    .expectState(volunteer -> {
                        for (Field field : Volunteer.class.getDeclaredFields()) {
                            if (Modifier.isStatic(field.getModifiers())) {
                                continue;
                            }
                            assertThat(field.getType()).isNotEqualTo(PersonalData.class);
                            String value = String.valueOf(read(field, volunteer));
                            for (String plain : plainPersonalData(AMIRA_DATA)) {
                                assertThat(value).as(field.getName()).doesNotContainIgnoringCase(plain);
                            }
                            assertNoPlainLanguagesOrInterests(value, AMIRA_DATA);
                        }
                    });
        }

        private static Object read(Field field, Object target) {
            try {
                field.setAccessible(true);
                return field.get(target);
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Nested
    class ProfileUpdate {

        private final PersonalData updated = new PersonalData("Amira Haddad", "amira@example.net", null, "samstags",
                Set.of("de"), Set.of());

        @Test
        void a_coordinator_updates_the_profile_with_sealed_personal_data() {
            emails.remembered(AMIRA, VIERSEN, AMIRA_DATA.email(), true);
            fixture.given(amiraRegistered(vault))
                    .when(new UpdateVolunteerProfileCommand(AMIRA, updated), COORDINATOR.toMetaData())
                    .expectEventsMatching(eventsSatisfying(events -> {
                        VolunteerProfileUpdatedEvent e = (VolunteerProfileUpdatedEvent) events.get(0).getPayload();
                        assertThat(e.volunteerId()).isEqualTo(AMIRA);
                        assertThat(e.centreId()).isEqualTo(VIERSEN);
                        assertThat(vault.open(AMIRA, e.personalData())).contains(updated);
                        assertThat(vault.open(AMIRA, e.personalData())).get().satisfies(data -> {
                            assertThat(data.languages()).containsExactly("de");
                            assertThat(data.interests()).isEmpty();
                        });
                    }));
        }

        @Test
        void a_coordinator_of_another_centre_cannot_update_the_profile() {
            fixture.given(amiraRegistered(vault))
                    .when(new UpdateVolunteerProfileCommand(AMIRA, updated), OTHER_COORDINATOR.toMetaData())
                    .expectException(refused(ForbiddenException.class, "volunteer.forbidden"))
                    .expectNoEvents();
        }

        @Test
        void a_new_e_mail_address_moves_the_claim() {
            emails.remembered(AMIRA, VIERSEN, AMIRA_DATA.email(), true);
            fixture.given(amiraRegistered(vault))
                    .when(new UpdateVolunteerProfileCommand(AMIRA, updated), COORDINATOR.toMetaData())
                    .expectSuccessfulHandlerExecution();
            assertThat(emails.holderOf("amira@example.net")).contains(AMIRA);
            assertThat(emails.holderOf(AMIRA_DATA.email())).isEmpty();
        }

        @Test
        void a_new_e_mail_address_that_another_active_volunteer_holds_is_refused() {
            emails.remembered(AMIRA, VIERSEN, AMIRA_DATA.email(), true).activeHolder(JONAS, VIERSEN, "amira@example.net");
            fixture.given(amiraRegistered(vault))
                    .when(new UpdateVolunteerProfileCommand(AMIRA, updated), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "volunteer.email.taken"))
                    .expectNoEvents();
        }

        @Test
        void a_new_e_mail_address_claimed_in_another_centre_is_accepted_and_held() {
            emails.remembered(AMIRA, VIERSEN, AMIRA_DATA.email(), true).activeHolder(JONAS, KOELN, "amira@example.net");
            fixture.given(amiraRegistered(vault))
                    .when(new UpdateVolunteerProfileCommand(AMIRA, updated), COORDINATOR.toMetaData())
                    .expectSuccessfulHandlerExecution();
            assertThat(emails.holderOf("amira@example.net")).contains(JONAS);
            assertThat(emails.holds(AMIRA)).isTrue();
            assertThat(emails.holderOf(AMIRA_DATA.email())).as("the old address is freed").isEmpty();
        }

        @Test
        void an_inactive_volunteer_changes_the_address_without_claiming_it() {
            emails.remembered(AMIRA, VIERSEN, AMIRA_DATA.email(), false).activeHolder(JONAS, VIERSEN, "amira@example.net");
            fixture.given(amiraRegistered(vault), new VolunteerDeactivatedEvent(AMIRA, VIERSEN, TODAY.minusDays(3)))
                    .when(new UpdateVolunteerProfileCommand(AMIRA, updated), COORDINATOR.toMetaData())
                    .expectSuccessfulHandlerExecution();
            assertThat(emails.addressOf(AMIRA)).contains("amira@example.net");
            assertThat(emails.holderOf("amira@example.net")).contains(JONAS);
        }
    }

    @Nested
    class DeactivationAndReactivation {

        @Test
        void a_coordinator_deactivates_an_active_volunteer_today_and_frees_the_address() {
            emails.remembered(AMIRA, VIERSEN, AMIRA_DATA.email(), true);
            fixture.given(amiraRegistered(vault))
                    .when(new DeactivateVolunteerCommand(AMIRA), COORDINATOR.toMetaData())
                    .expectEvents(new VolunteerDeactivatedEvent(AMIRA, VIERSEN, TODAY));
            assertThat(emails.holderOf(AMIRA_DATA.email())).isEmpty();
        }

        @Test
        void a_deactivation_enters_the_volunteer_in_the_retention_register_from_today() {
            fixture.given(amiraRegistered(vault))
                    .when(new DeactivateVolunteerCommand(AMIRA), COORDINATOR.toMetaData())
                    .expectSuccessfulHandlerExecution();
            assertThat(retention.inactiveSince(AMIRA)).contains(TODAY);
        }

        @Test
        void a_reactivation_takes_the_volunteer_out_of_the_retention_register() {
            retention.deactivated(AMIRA, VIERSEN, TODAY.minusDays(3));
            fixture.given(amiraRegistered(vault), new VolunteerDeactivatedEvent(AMIRA, VIERSEN, TODAY.minusDays(3)))
                    .when(new ReactivateVolunteerCommand(AMIRA), COORDINATOR.toMetaData())
                    .expectSuccessfulHandlerExecution();
            assertThat(retention.inactiveSince(AMIRA)).isEmpty();
        }

        @Test
        void a_refused_deactivation_leaves_the_retention_register_alone() {
            fixture.given(amiraRegistered(vault))
                    .when(new DeactivateVolunteerCommand(AMIRA), OTHER_COORDINATOR.toMetaData())
                    .expectException(ForbiddenException.class);
            assertThat(retention.inactiveSince(AMIRA)).isEmpty();
        }

        @Test
        void an_inactive_volunteer_is_not_deactivated_again() {
            fixture.given(amiraRegistered(vault), new VolunteerDeactivatedEvent(AMIRA, VIERSEN, TODAY.minusDays(3)))
                    .when(new DeactivateVolunteerCommand(AMIRA), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "volunteer.already-inactive"))
                    .expectNoEvents();
        }

        @Test
        void a_coordinator_of_another_centre_cannot_deactivate() {
            fixture.given(amiraRegistered(vault))
                    .when(new DeactivateVolunteerCommand(AMIRA), OTHER_COORDINATOR.toMetaData())
                    .expectException(refused(ForbiddenException.class, "volunteer.forbidden"))
                    .expectNoEvents();
        }

        @Test
        void a_coordinator_reactivates_an_inactive_volunteer_today_and_claims_the_address_again() {
            emails.remembered(AMIRA, VIERSEN, AMIRA_DATA.email(), false);
            fixture.given(amiraRegistered(vault), new VolunteerDeactivatedEvent(AMIRA, VIERSEN, TODAY.minusDays(3)))
                    .when(new ReactivateVolunteerCommand(AMIRA), COORDINATOR.toMetaData())
                    .expectEvents(new VolunteerReactivatedEvent(AMIRA, VIERSEN, TODAY));
            assertThat(emails.holderOf(AMIRA_DATA.email())).contains(AMIRA);
        }

        @Test
        void a_volunteer_whose_address_meanwhile_was_claimed_in_another_centre_is_reactivated_and_holds_it() {
            emails.remembered(AMIRA, VIERSEN, AMIRA_DATA.email(), false).activeHolder(JONAS, KOELN, AMIRA_DATA.email());
            fixture.given(amiraRegistered(vault), new VolunteerDeactivatedEvent(AMIRA, VIERSEN, TODAY.minusDays(3)))
                    .when(new ReactivateVolunteerCommand(AMIRA), COORDINATOR.toMetaData())
                    .expectEvents(new VolunteerReactivatedEvent(AMIRA, VIERSEN, TODAY));
            assertThat(emails.holderOf(AMIRA_DATA.email())).contains(JONAS);
            assertThat(emails.holds(AMIRA)).isTrue();
        }

        @Test
        void an_active_volunteer_is_not_reactivated() {
            fixture.given(amiraRegistered(vault))
                    .when(new ReactivateVolunteerCommand(AMIRA), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "volunteer.already-active"))
                    .expectNoEvents();
        }

        @Test
        void a_volunteer_whose_address_meanwhile_belongs_to_another_active_volunteer_of_the_centre_is_not_reactivated() {
            emails.remembered(AMIRA, VIERSEN, AMIRA_DATA.email(), false).activeHolder(JONAS, VIERSEN, AMIRA_DATA.email());
            fixture.given(amiraRegistered(vault), new VolunteerDeactivatedEvent(AMIRA, VIERSEN, TODAY.minusDays(3)))
                    .when(new ReactivateVolunteerCommand(AMIRA), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "volunteer.email.taken"))
                    .expectNoEvents();
        }

        @Test
        void a_closed_centre_reactivates_no_volunteer() {
            emails.remembered(AMIRA, VIERSEN, AMIRA_DATA.email(), false);
            centres.closed(VIERSEN, CENTRE_ESTABLISHED, TODAY.minusDays(1));
            fixture.given(amiraRegistered(vault), new VolunteerDeactivatedEvent(AMIRA, VIERSEN, TODAY.minusDays(3)))
                    .when(new ReactivateVolunteerCommand(AMIRA), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "centre.closed"))
                    .expectNoEvents();
            assertThat(emails.holderOf(AMIRA_DATA.email())).isEmpty();
        }

        @Test
        void a_coordinator_of_another_centre_cannot_reactivate() {
            fixture.given(amiraRegistered(vault), new VolunteerDeactivatedEvent(AMIRA, VIERSEN, TODAY.minusDays(3)))
                    .when(new ReactivateVolunteerCommand(AMIRA), OTHER_COORDINATOR.toMetaData())
                    .expectException(refused(ForbiddenException.class, "volunteer.forbidden"))
                    .expectNoEvents();
        }

        @Test
        void the_platform_may_act_on_any_centres_volunteers() {
            fixture.given(amiraRegistered(vault))
                    .when(new DeactivateVolunteerCommand(AMIRA), Actor.SYSTEM.toMetaData())
                    .expectEvents(new VolunteerDeactivatedEvent(AMIRA, VIERSEN, TODAY));
        }
    }

    private static String toJson(Object event) {
        try {
            return new ObjectMapper().findAndRegisterModules().writeValueAsString(event);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
