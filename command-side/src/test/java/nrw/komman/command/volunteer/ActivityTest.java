package nrw.komman.command.volunteer;

import nrw.komman.command.testing.FakeCentreRegistry;
import nrw.komman.command.testing.FakeGrantRegistry;
import nrw.komman.command.testing.InMemoryEmailRegistry;
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
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.GrantStatus;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import nrw.komman.kernel.volunteer.VolunteerDeactivatedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.util.UUID;

import nrw.komman.command.testing.EventsSatisfying;
import static nrw.komman.command.testing.EventsSatisfying.eventsSatisfying;
import static nrw.komman.command.testing.Refusal.refused;
import static nrw.komman.command.testing.TestClock.TODAY;
import static nrw.komman.command.volunteer.VolunteerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActivityTest {

    private static final ActivityId ACTIVITY = new ActivityId(UUID.fromString("7a1d0e55-0000-4000-8000-00000000000a"));
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final ActivityCategory CATEGORY = ActivityCategory.ACCOMPANIMENT;

    private static final GrantId GRANT_2026 = grant(1);
    private static final GrantId GRANT_2027 = grant(2);
    private static final GrantId GRANT_OF_KOELN = grant(3);
    private static final GrantId GRANT_UNDECIDED = grant(4);

    private AggregateTestFixture<Volunteer> fixture;
    private PersonalDataVault vault;
    private FakeGrantRegistry grants;
    private FakeCentreRegistry centres;

    private static GrantId grant(int n) {
        return new GrantId(UUID.fromString("9c0ffee0-0000-4000-8000-00000000000" + n));
    }

    @BeforeEach
    void setUp() {
        vault = newVault();
        grants = new FakeGrantRegistry()
                .with(GRANT_2026, VIERSEN, 2026, GrantStatus.APPROVED)
                .with(GRANT_2027, VIERSEN, 2027, GrantStatus.APPROVED)
                .with(GRANT_OF_KOELN, KOELN, 2026, GrantStatus.APPROVED);
        fixture = new AggregateTestFixture<>(Volunteer.class);
        fixture.registerInjectableResource(TestClock.CLOCK);
        fixture.registerInjectableResource(vault);
        fixture.registerInjectableResource(grants);
        centres = new FakeCentreRegistry().established(VIERSEN, CENTRE_ESTABLISHED);
        fixture.registerInjectableResource(centres);
        fixture.registerInjectableResource(new InMemoryEmailRegistry());
    }

    private TestExecutor<Volunteer> givenRegistered() {
        return fixture.given(amiraRegistered(vault));
    }

    private TestExecutor<Volunteer> givenInactive() {
        return fixture.given(amiraRegistered(vault), new VolunteerDeactivatedEvent(AMIRA, VIERSEN, TODAY.minusDays(1)));
    }

    private TestExecutor<Volunteer> givenLogged() {
        return fixture.given(amiraRegistered(vault), logged());
    }

    private static LogActivityCommand log(LocalDate date, int minutes, GrantId grantId) {
        return new LogActivityCommand(AMIRA, ACTIVITY, date, minutes, CATEGORY, null, grantId);
    }

    private static CorrectActivityCommand correct(LocalDate date, GrantId grantId) {
        return new CorrectActivityCommand(AMIRA, ACTIVITY, date, 90, CATEGORY, null, grantId, "Dauer falsch erfasst");
    }

    private static ActivityLoggedEvent logged() {
        return new ActivityLoggedEvent(ACTIVITY, AMIRA, VIERSEN, DAY, 120, CATEGORY, null, null);
    }

    @Nested
    class Logging {

        @Test
        void a_coordinator_logs_an_activity_of_an_active_volunteer() {
            givenRegistered()
                    .when(log(DAY, 120, null), COORDINATOR.toMetaData())
                    .expectEvents(logged());
        }

        @Test
        void the_note_is_sealed_under_the_volunteers_key() {
            String note = "Begleitung von Frau H. zum Jobcenter Viersen";
            givenRegistered()
                    .when(new LogActivityCommand(AMIRA, ACTIVITY, DAY, 120, CATEGORY, note, null), COORDINATOR.toMetaData())
                    .expectEventsMatching(eventsSatisfying(events -> {
                        ActivityLoggedEvent e = (ActivityLoggedEvent) events.get(0).getPayload();
                        assertThat(e.toString()).doesNotContain("Jobcenter");
                        assertThat(e.note().ciphertext()).doesNotContain("Jobcenter");
                        assertThat(vault.openText(AMIRA, e.note())).contains(note);
                    }));
        }

        @Test
        void an_activity_funded_by_an_approved_grant_of_the_centre_for_that_year_is_logged() {
            givenRegistered()
                    .when(log(DAY, 120, GRANT_2026), COORDINATOR.toMetaData())
                    .expectEvents(new ActivityLoggedEvent(ACTIVITY, AMIRA, VIERSEN, DAY, 120, CATEGORY, null, GRANT_2026));
        }

        @Test
        void a_coordinator_of_another_centre_cannot_log_an_activity() {
            givenRegistered()
                    .when(log(DAY, 120, null), OTHER_COORDINATOR.toMetaData())
                    .expectException(refused(ForbiddenException.class, "volunteer.forbidden"))
                    .expectNoEvents();
        }

        @Test
        void the_ministry_does_not_log_activities() {
            givenRegistered()
                    .when(log(DAY, 120, null), Actor.of("m.schulz", AccountRole.MINISTRY).toMetaData())
                    .expectException(refused(ForbiddenException.class, "volunteer.forbidden"))
                    .expectNoEvents();
        }

        @Test
        void an_activity_needs_an_active_volunteer() {
            givenInactive()
                    .when(log(DAY, 120, null), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "activity.volunteer-inactive"))
                    .expectNoEvents();
        }

        @Test
        void an_activity_is_not_in_the_future() {
            givenRegistered()
                    .when(log(TODAY.plusDays(1), 120, null), COORDINATOR.toMetaData())
                    .expectException(refused(InvalidInputException.class, "activity.future-date"))
                    .expectNoEvents();
        }

        @Test
        void a_closed_centre_logs_no_more_activities() {
            centres.closed(VIERSEN, CENTRE_ESTABLISHED, TODAY.minusDays(1));
            givenRegistered()
                    .when(log(TODAY.minusDays(2), 120, null), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "centre.closed"))
                    .expectNoEvents();
        }

        @Test
        void an_activity_of_today_is_logged() {
            givenRegistered()
                    .when(log(TODAY, 120, null), COORDINATOR.toMetaData())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void an_activity_is_not_before_the_registration() {
            givenRegistered()
                    .when(log(REGISTERED_ON.minusDays(1), 120, null), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "activity.before-registration"))
                    .expectNoEvents();
        }

        @Test
        void an_activity_on_the_day_of_registration_is_logged() {
            givenRegistered()
                    .when(log(REGISTERED_ON, 120, null), COORDINATOR.toMetaData())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void an_activity_lasts_more_than_zero_and_at_most_24_hours() {
            assertThatThrownBy(() -> log(DAY, 0, null))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.code()).isEqualTo("activity.duration.not-positive"));
            assertThatThrownBy(() -> log(DAY, 24 * 60 + 1, null))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.code()).isEqualTo("activity.duration.too-long"));
            assertThatThrownBy(() -> new CorrectActivityCommand(AMIRA, ACTIVITY, DAY, 24 * 60 + 1, CATEGORY, null, null, "x"))
                    .isInstanceOf(InvalidInputException.class);
            givenRegistered()
                    .when(log(DAY, 24 * 60, null), COORDINATOR.toMetaData())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void an_activity_is_logged_only_once() {
            givenLogged()
                    .when(log(DAY, 120, null), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "activity.duplicate"))
                    .expectNoEvents();
        }

        @Test
        void a_withdrawn_activity_id_is_not_logged_again() {
            givenLogged()
                    .andGiven(new ActivityWithdrawnEvent(ACTIVITY, AMIRA, VIERSEN, null, "doppelt"))
                    .when(log(DAY, 120, null), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "activity.duplicate"))
                    .expectNoEvents();
        }
    }

    @Nested
    class ReferencedGrant {

        @Test
        void an_unknown_grant_is_refused() {
            givenRegistered()
                    .when(log(DAY, 120, GRANT_UNDECIDED), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "activity.grant.unknown"))
                    .expectNoEvents();
        }

        @Test
        void a_grant_of_another_centre_is_refused() {
            givenRegistered()
                    .when(log(DAY, 120, GRANT_OF_KOELN), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "activity.grant.other-centre"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = GrantStatus.class, names = "APPROVED", mode = EnumSource.Mode.EXCLUDE)
        void a_grant_that_is_not_approved_is_refused(GrantStatus status) {
            grants.with(GRANT_UNDECIDED, VIERSEN, 2026, status);
            givenRegistered()
                    .when(log(DAY, 120, GRANT_UNDECIDED), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "activity.grant.not-approved"))
                    .expectNoEvents();
        }

        @Test
        void a_grant_whose_funding_year_does_not_contain_the_date_is_refused() {
            givenRegistered()
                    .when(log(DAY, 120, GRANT_2027), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "activity.grant.other-year"))
                    .expectNoEvents();
        }

        @Test
        void a_correction_is_held_to_the_same_grant_rules() {
            givenLogged()
                    .when(correct(DAY, GRANT_2027), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "activity.grant.other-year"))
                    .expectNoEvents();
            givenLogged()
                    .when(correct(DAY, GRANT_OF_KOELN), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "activity.grant.other-centre"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Correction {

        @Test
        void a_correction_records_the_whole_corrected_activity_and_why() {
            givenLogged()
                    .when(new CorrectActivityCommand(AMIRA, ACTIVITY, DAY.minusDays(1), 90, ActivityCategory.INTERPRETING,
                            null, GRANT_2026, "Datum und Dauer falsch erfasst"), COORDINATOR.toMetaData())
                    .expectEventsMatching(eventsSatisfying(events -> {
                        ActivityCorrectedEvent e = (ActivityCorrectedEvent) events.get(0).getPayload();
                        assertThat(e).isEqualTo(new ActivityCorrectedEvent(ACTIVITY, AMIRA, VIERSEN, DAY.minusDays(1), 90,
                                ActivityCategory.INTERPRETING, null, GRANT_2026, e.reason(), null));
                        // sealed under the volunteer's key like the note, never plain (ADR 21)
                        assertThat(vault.openText(AMIRA, e.reason())).contains("Datum und Dauer falsch erfasst");
                        assertThat(e.reason().ciphertext()).doesNotContain("Datum");
                    }));
        }

        @Test
        void the_corrected_note_is_sealed() {
            givenLogged()
                    .when(new CorrectActivityCommand(AMIRA, ACTIVITY, DAY, 90, CATEGORY, "Termin bei Dr. Özdemir", null, "Notiz ergänzt"),
                            COORDINATOR.toMetaData())
                    .expectEventsMatching(eventsSatisfying(events -> {
                        ActivityCorrectedEvent e = (ActivityCorrectedEvent) events.get(0).getPayload();
                        assertThat(e.toString()).doesNotContain("Özdemir");
                        assertThat(vault.openText(AMIRA, e.note())).contains("Termin bei Dr. Özdemir");
                    }));
        }

        @Test
        void a_corrected_activity_can_be_corrected_again() {
            givenLogged()
                    .andGiven(new ActivityCorrectedEvent(ACTIVITY, AMIRA, VIERSEN, DAY, 90, CATEGORY, null, null, null, "erste Korrektur"))
                    .when(correct(DAY, null), COORDINATOR.toMetaData())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void an_unknown_activity_is_not_corrected() {
            givenRegistered()
                    .when(correct(DAY, null), COORDINATOR.toMetaData())
                    .expectException(refused(NotFoundException.class, "activity.unknown"))
                    .expectNoEvents();
        }

        @Test
        void a_withdrawn_activity_is_not_corrected() {
            givenLogged()
                    .andGiven(new ActivityWithdrawnEvent(ACTIVITY, AMIRA, VIERSEN, null, "doppelt"))
                    .when(correct(DAY, null), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "activity.withdrawn"))
                    .expectNoEvents();
        }

        @Test
        void a_correction_needs_an_active_volunteer() {
            givenLogged()
                    .andGiven(new VolunteerDeactivatedEvent(AMIRA, VIERSEN, TODAY))
                    .when(correct(DAY, null), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "activity.volunteer-inactive"))
                    .expectNoEvents();
        }

        @Test
        void a_corrected_date_is_not_in_the_future() {
            givenLogged()
                    .when(correct(TODAY.plusDays(1), null), COORDINATOR.toMetaData())
                    .expectException(refused(InvalidInputException.class, "activity.future-date"))
                    .expectNoEvents();
        }

        @Test
        void a_corrected_date_is_not_before_the_registration() {
            givenLogged()
                    .when(correct(REGISTERED_ON.minusDays(1), null), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "activity.before-registration"))
                    .expectNoEvents();
        }

        @Test
        void a_coordinator_of_another_centre_cannot_correct() {
            givenLogged()
                    .when(correct(DAY, null), OTHER_COORDINATOR.toMetaData())
                    .expectException(refused(ForbiddenException.class, "volunteer.forbidden"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Withdrawal {

        @Test
        void a_coordinator_withdraws_an_activity_with_a_reason() {
            givenLogged()
                    .when(new WithdrawActivityCommand(AMIRA, ACTIVITY, "doppelt erfasst"), COORDINATOR.toMetaData())
                    .expectEventsMatching(withdrawnWithSealedReason("doppelt erfasst"));
        }

        @Test
        void an_activity_of_an_inactive_volunteer_can_still_be_withdrawn() {
            givenLogged()
                    .andGiven(new VolunteerDeactivatedEvent(AMIRA, VIERSEN, TODAY))
                    .when(new WithdrawActivityCommand(AMIRA, ACTIVITY, "doppelt erfasst"), COORDINATOR.toMetaData())
                    .expectEventsMatching(withdrawnWithSealedReason("doppelt erfasst"));
        }

        @Test
        void an_unknown_activity_is_not_withdrawn() {
            givenRegistered()
                    .when(new WithdrawActivityCommand(AMIRA, ACTIVITY, "doppelt erfasst"), COORDINATOR.toMetaData())
                    .expectException(refused(NotFoundException.class, "activity.unknown"))
                    .expectNoEvents();
        }

        @Test
        void an_activity_is_withdrawn_only_once() {
            givenLogged()
                    .andGiven(new ActivityWithdrawnEvent(ACTIVITY, AMIRA, VIERSEN, null, "doppelt"))
                    .when(new WithdrawActivityCommand(AMIRA, ACTIVITY, "nochmal"), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "activity.withdrawn"))
                    .expectNoEvents();
        }

        @Test
        void a_coordinator_of_another_centre_cannot_withdraw() {
            givenLogged()
                    .when(new WithdrawActivityCommand(AMIRA, ACTIVITY, "weg"), OTHER_COORDINATOR.toMetaData())
                    .expectException(refused(ForbiddenException.class, "volunteer.forbidden"))
                    .expectNoEvents();
        }
    }

    /** One withdrawal of ACTIVITY whose reason opens, under Amira's key, to the given text (sealed, ADR 21). */
    private EventsSatisfying withdrawnWithSealedReason(String reason) {
        return eventsSatisfying(events -> {
            assertThat(events).hasSize(1);
            ActivityWithdrawnEvent e = (ActivityWithdrawnEvent) events.get(0).getPayload();
            assertThat(e).isEqualTo(new ActivityWithdrawnEvent(ACTIVITY, AMIRA, VIERSEN, e.reason(), null));
            assertThat(vault.openText(AMIRA, e.reason())).contains(reason);
        });
    }
}
