package nrw.komman.command.coordination;

import nrw.komman.command.testing.FakeCentreRegistry;
import nrw.komman.command.testing.FakeGrantRegistry;
import nrw.komman.command.testing.FakeVolunteerStanding;
import nrw.komman.command.testing.InMemoryRequesterRetention;
import nrw.komman.command.testing.RecordingActivityLogging;
import nrw.komman.command.testing.TestBookings;
import nrw.komman.command.testing.TestClock;
import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.activity.LogActivityCommand;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.coordination.AskVolunteerCommand;
import nrw.komman.kernel.coordination.AssignmentCancelledEvent;
import nrw.komman.kernel.coordination.AssignmentConfirmedEvent;
import nrw.komman.kernel.coordination.AssignmentDeclinedEvent;
import nrw.komman.kernel.coordination.AssignmentId;
import nrw.komman.kernel.coordination.AssignmentLapsedEvent;
import nrw.komman.kernel.coordination.AssignmentNoShowRecordedEvent;
import nrw.komman.kernel.coordination.AssignmentOfferedEvent;
import nrw.komman.kernel.coordination.AssignmentTookPlaceEvent;
import nrw.komman.kernel.coordination.CancelAssignmentCommand;
import nrw.komman.kernel.coordination.CancelHelpRequestCommand;
import nrw.komman.kernel.coordination.CloseHelpRequestCommand;
import nrw.komman.kernel.coordination.ConfirmAssignmentCommand;
import nrw.komman.kernel.coordination.DeclineAssignmentCommand;
import nrw.komman.kernel.coordination.EraseRequesterDataCommand;
import nrw.komman.kernel.coordination.HelpRequestCancelledEvent;
import nrw.komman.kernel.coordination.HelpRequestClosedEvent;
import nrw.komman.kernel.coordination.HelpRequestId;
import nrw.komman.kernel.coordination.HelpRequestOpenedEvent;
import nrw.komman.kernel.coordination.OfferToVolunteersCommand;
import nrw.komman.kernel.coordination.OpenHelpRequestCommand;
import nrw.komman.kernel.coordination.RecordAssignmentTookPlaceCommand;
import nrw.komman.kernel.coordination.RecordNoShowCommand;
import nrw.komman.kernel.coordination.ReplaceAssignmentCommand;
import nrw.komman.kernel.coordination.RequesterDataErasedEvent;
import nrw.komman.kernel.coordination.Schedule;
import nrw.komman.kernel.coordination.VolunteerAskedEvent;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.GrantStatus;
import nrw.komman.kernel.privacy.ErasureReason;
import nrw.komman.kernel.volunteer.AesGcmPersonalDataVault;
import nrw.komman.kernel.volunteer.InMemoryKeyRing;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import nrw.komman.kernel.volunteer.VolunteerId;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static nrw.komman.command.testing.EventsSatisfying.eventsSatisfying;
import static nrw.komman.command.testing.Refusal.refused;
import static nrw.komman.command.testing.TestClock.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

/** The rules of a request for help and its assignments, each with the refusal it gives (issue 18). */
class HelpRequestTest {

    static final CentreId VIERSEN = new CentreId("05166");
    static final CentreId KOELN = new CentreId("05315");
    static final Actor COORDINATOR = Actor.coordinator("k.yilmaz", VIERSEN);
    static final Actor OTHER_COORDINATOR = Actor.coordinator("a.becker", KOELN);

    static final HelpRequestId REQUEST = new HelpRequestId(UUID.fromString("4e1a0000-0000-4000-8000-000000000001"));
    static final HelpRequestId OTHER_REQUEST = new HelpRequestId(UUID.fromString("4e1a0000-0000-4000-8000-000000000002"));
    static final VolunteerId AMIRA = volunteer(1);
    static final VolunteerId JONAS = volunteer(2);
    static final VolunteerId LEA = volunteer(3);
    static final VolunteerId OF_KOELN = volunteer(4);
    static final VolunteerId INACTIVE = volunteer(5);
    static final AssignmentId A1 = assignment(1);
    static final AssignmentId A2 = assignment(2);
    static final AssignmentId A3 = assignment(3);
    static final AssignmentId ELSEWHERE = assignment(9);
    static final GrantId GRANT = new GrantId(UUID.fromString("9c0ffee0-0000-4000-8000-000000000001"));
    static final GrantId GRANT_2027 = new GrantId(UUID.fromString("9c0ffee0-0000-4000-8000-000000000002"));
    static final GrantId GRANT_OF_KOELN = new GrantId(UUID.fromString("9c0ffee0-0000-4000-8000-000000000003"));
    static final GrantId GRANT_UNDECIDED = new GrantId(UUID.fromString("9c0ffee0-0000-4000-8000-000000000004"));
    static final ActivityId ACTIVITY = new ActivityId(UUID.fromString("7a1d0e55-0000-4000-8000-00000000000a"));

    /** Tuesday 1 December 2026, 9 to 12 in Viersen: after "today" (25 November 2026). */
    static final Schedule TUESDAY = Schedule.once(LocalDate.of(2026, 12, 1), LocalTime.of(9, 0), LocalTime.of(12, 0));
    /** The same Tuesday, 11 to 13: overlaps. */
    static final Schedule TUESDAY_LATE = Schedule.once(LocalDate.of(2026, 12, 1), LocalTime.of(11, 0), LocalTime.of(13, 0));
    /** Every Thursday 15 to 18 in November and December 2026: three Thursdays lie before "today". */
    static final Schedule THURSDAYS = Schedule.weekly(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31),
            Set.of(DayOfWeek.THURSDAY), LocalTime.of(15, 0), LocalTime.of(18, 0));
    /** Last week: over. */
    static final Schedule LAST_WEEK = Schedule.once(LocalDate.of(2026, 11, 17), LocalTime.of(9, 0), LocalTime.of(12, 0));

    private AggregateTestFixture<HelpRequest> fixture;
    private PersonalDataVault vault;
    private FakeCentreRegistry centres;
    private TestBookings bookings;
    private RecordingActivityLogging activities;
    private InMemoryRequesterRetention retention;

    private static VolunteerId volunteer(int n) {
        return new VolunteerId(UUID.fromString("0b6f7c1e-0000-4000-8000-00000000000" + n));
    }

    private static AssignmentId assignment(int n) {
        return new AssignmentId(UUID.fromString("a5500000-0000-4000-8000-00000000000" + n));
    }

    @BeforeEach
    void setUp() {
        vault = new AesGcmPersonalDataVault(new InMemoryKeyRing());
        centres = new FakeCentreRegistry().established(VIERSEN, LocalDate.of(2019, 4, 1)).established(KOELN, LocalDate.of(2019, 4, 1));
        bookings = new TestBookings();
        activities = new RecordingActivityLogging();
        retention = new InMemoryRequesterRetention();
        fixture = new AggregateTestFixture<>(HelpRequest.class);
        fixture.registerInjectableResource(TestClock.CLOCK);
        fixture.registerInjectableResource(vault);
        fixture.registerInjectableResource(centres);
        fixture.registerInjectableResource(new FakeGrantRegistry()
                .with(GRANT, VIERSEN, 2026, GrantStatus.APPROVED)
                .with(GRANT_2027, VIERSEN, 2027, GrantStatus.APPROVED)
                .with(GRANT_OF_KOELN, KOELN, 2026, GrantStatus.APPROVED)
                .with(GRANT_UNDECIDED, VIERSEN, 2026, GrantStatus.APPLIED));
        fixture.registerInjectableResource(new FakeVolunteerStanding()
                .active(AMIRA, VIERSEN).active(JONAS, VIERSEN).active(LEA, VIERSEN)
                .active(OF_KOELN, KOELN).inactive(INACTIVE, VIERSEN));
        fixture.registerInjectableResource(bookings.ledger());
        fixture.registerInjectableResource(activities);
        fixture.registerInjectableResource(retention);
        fixture.registerInjectableResource(new StaffingDates(StaffingDates.DEFAULT_UNSTAFFED_LEAD_HOURS));
    }

    // ---- the story so far ------------------------------------------------------------------------------------------

    private HelpRequestOpenedEvent opened(Schedule schedule, int needed) {
        return new HelpRequestOpenedEvent(REQUEST, VIERSEN, ActivityCategory.ACCOMPANIMENT, Set.of("prs"), schedule, 120,
                "Viersen", vault.sealText(REQUEST.subject(), "Ausländerbehörde, Rathausmarkt 3"), needed,
                vault.sealText(REQUEST.subject(), "Familie Rahimi"), vault.sealText(REQUEST.subject(), "0176 1234567"),
                null, GRANT);
    }

    /** A given assignment asked, with its time held in the ledger as the command would have held it. */
    private VolunteerAskedEvent asked(AssignmentId assignmentId, VolunteerId volunteerId, Schedule schedule) {
        bookings.ledger().hold(volunteerId, assignmentId, REQUEST, schedule);
        return new VolunteerAskedEvent(REQUEST, assignmentId, volunteerId, VIERSEN, schedule);
    }

    private AssignmentOfferedEvent offered(AssignmentId assignmentId, VolunteerId volunteerId, Schedule schedule) {
        bookings.ledger().offer(volunteerId, assignmentId, REQUEST);
        return new AssignmentOfferedEvent(REQUEST, assignmentId, volunteerId, VIERSEN, schedule);
    }

    private AssignmentDeclinedEvent declined(AssignmentId assignmentId, VolunteerId volunteerId) {
        bookings.ledger().release(assignmentId);
        return new AssignmentDeclinedEvent(REQUEST, assignmentId, volunteerId, VIERSEN, true, null);
    }

    private static AssignmentConfirmedEvent confirmed(AssignmentId assignmentId, VolunteerId volunteerId) {
        return new AssignmentConfirmedEvent(REQUEST, assignmentId, volunteerId, VIERSEN, false);
    }

    private TestExecutor<HelpRequest> given(Object... events) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (Object event : events) {
            messages.add(GenericEventMessage.asEventMessage(event).andMetaData(COORDINATOR.toMetaData()));
        }
        return fixture.given(messages);
    }

    private static OpenHelpRequestCommand open(CentreId centre, Schedule schedule, GrantId grant) {
        return new OpenHelpRequestCommand(REQUEST, centre, ActivityCategory.ACCOMPANIMENT, Set.of("prs"), schedule, 120,
                "Viersen", "Ausländerbehörde, Rathausmarkt 3", 1, "Familie Rahimi", "0176 1234567",
                "Termin zur Verlängerung des Aufenthaltstitels", grant);
    }

    private static Actor volunteerActor(VolunteerId volunteerId) {
        return Actor.volunteer(volunteerId.value(), VIERSEN);
    }

    @Nested
    class Opening {

        @Test
        void a_coordinator_opens_a_request_with_the_requesters_data_sealed_under_its_own_key() {
            fixture.givenNoPriorActivity()
                    .when(open(VIERSEN, TUESDAY, GRANT), COORDINATOR.toMetaData())
                    .expectEventsMatching(eventsSatisfying(events -> {
                        HelpRequestOpenedEvent e = (HelpRequestOpenedEvent) events.get(0).getPayload();
                        assertThat(e.toString()).doesNotContain("Rahimi", "0176", "Rathausmarkt", "Aufenthaltstitel");
                        assertThat(vault.openText(REQUEST.subject(), e.requesterName())).contains("Familie Rahimi");
                        assertThat(vault.openText(REQUEST.subject(), e.requesterContact())).contains("0176 1234567");
                        assertThat(vault.openText(REQUEST.subject(), e.place())).contains("Ausländerbehörde, Rathausmarkt 3");
                        assertThat(vault.openText(REQUEST.subject(), e.note())).contains("Termin zur Verlängerung des Aufenthaltstitels");
                        assertThat(e.languages()).containsExactly("prs");
                        assertThat(e.grantId()).isEqualTo(GRANT);
                        assertThat(events.get(0).getMetaData()).containsEntry(Actor.ACCOUNT, "k.yilmaz");
                    }));
        }

        @Test
        void a_coordinator_of_another_centre_cannot_open_a_request_here() {
            fixture.givenNoPriorActivity()
                    .when(open(VIERSEN, TUESDAY, null), OTHER_COORDINATOR.toMetaData())
                    .expectException(refused(ForbiddenException.class, "help-request.forbidden"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = AccountRole.class, names = {"GRANT_OFFICER", "MINISTRY", "AUDITOR", "ADMINISTRATOR", "VOLUNTEER"})
        void only_coordinators_of_the_centre_open_requests(AccountRole role) {
            fixture.givenNoPriorActivity()
                    .when(open(VIERSEN, TUESDAY, null), new Actor("someone", role, VIERSEN).toMetaData())
                    .expectException(refused(ForbiddenException.class, "help-request.forbidden"))
                    .expectNoEvents();
        }

        @Test
        void a_closed_centre_opens_no_requests() {
            centres.closed(VIERSEN, LocalDate.of(2019, 4, 1), TODAY.minusDays(1));
            fixture.givenNoPriorActivity()
                    .when(open(VIERSEN, TUESDAY, null), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "centre.closed"))
                    .expectNoEvents();
        }

        @Test
        void the_named_grant_must_exist_be_approved_of_the_centre_and_its_funding_year() {
            fixture.givenNoPriorActivity().when(open(VIERSEN, TUESDAY, new GrantId(UUID.randomUUID())), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "help-request.grant.unknown"));
            fixture.givenNoPriorActivity().when(open(VIERSEN, TUESDAY, GRANT_OF_KOELN), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "help-request.grant.other-centre"));
            fixture.givenNoPriorActivity().when(open(VIERSEN, TUESDAY, GRANT_UNDECIDED), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "help-request.grant.not-approved"));
            fixture.givenNoPriorActivity().when(open(VIERSEN, TUESDAY, GRANT_2027), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "help-request.grant.other-year"));
        }

        @Test
        void a_recurring_request_reaching_into_another_funding_year_is_refused_for_the_grant() {
            Schedule intoNextYear = Schedule.weekly(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 31),
                    Set.of(DayOfWeek.TUESDAY), LocalTime.of(9, 0), LocalTime.of(12, 0));
            fixture.givenNoPriorActivity().when(open(VIERSEN, intoNextYear, GRANT), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "help-request.grant.other-year"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Asking {

        @Test
        void asking_a_volunteer_holds_their_time() {
            given(opened(TUESDAY, 1))
                    .when(new AskVolunteerCommand(REQUEST, A1, AMIRA), COORDINATOR.toMetaData())
                    .expectEvents(new VolunteerAskedEvent(REQUEST, A1, AMIRA, VIERSEN, TUESDAY));
            assertThat(bookings.heldOccurrences(A1)).isEqualTo(1);
        }

        @Test
        void a_coordinator_of_another_centre_cannot_ask() {
            given(opened(TUESDAY, 1))
                    .when(new AskVolunteerCommand(REQUEST, A1, AMIRA), OTHER_COORDINATOR.toMetaData())
                    .expectException(refused(ForbiddenException.class, "help-request.forbidden"))
                    .expectNoEvents();
            assertThat(bookings.live(A1)).isFalse();
        }

        @Test
        void only_active_volunteers_are_asked() {
            given(opened(TUESDAY, 1))
                    .when(new AskVolunteerCommand(REQUEST, A1, INACTIVE), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "volunteer.inactive"))
                    .expectNoEvents();
            assertThat(bookings.live(A1)).isFalse();
        }

        @Test
        void a_volunteer_of_another_centre_is_unknown_here() {
            given(opened(TUESDAY, 1))
                    .when(new AskVolunteerCommand(REQUEST, A1, OF_KOELN), COORDINATOR.toMetaData())
                    .expectException(refused(NotFoundException.class, "volunteer.unknown"))
                    .expectNoEvents();
        }

        @Test
        void the_same_volunteer_is_not_asked_twice_for_one_request() {
            given(opened(TUESDAY, 2), asked(A1, AMIRA, TUESDAY))
                    .when(new AskVolunteerCommand(REQUEST, A2, AMIRA), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "assignment.volunteer.already-asked"))
                    .expectNoEvents();
        }

        @Test
        void a_volunteer_who_declined_may_be_asked_again() {
            given(opened(TUESDAY, 2), asked(A1, AMIRA, TUESDAY), declined(A1, AMIRA))
                    .when(new AskVolunteerCommand(REQUEST, A2, AMIRA), COORDINATOR.toMetaData())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void no_volunteer_is_in_two_overlapping_assignments() {
            bookings.ledger().hold(AMIRA, ELSEWHERE, OTHER_REQUEST, TUESDAY_LATE);
            given(opened(TUESDAY, 1))
                    .when(new AskVolunteerCommand(REQUEST, A1, AMIRA), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "assignment.volunteer.booked"))
                    .expectNoEvents();
            assertThat(bookings.live(A1)).isFalse();
        }

        @Test
        void a_volunteer_booked_right_after_is_free() {
            bookings.ledger().hold(AMIRA, ELSEWHERE, OTHER_REQUEST,
                    Schedule.once(LocalDate.of(2026, 12, 1), LocalTime.of(12, 0), LocalTime.of(13, 0)));
            given(opened(TUESDAY, 1))
                    .when(new AskVolunteerCommand(REQUEST, A1, AMIRA), COORDINATOR.toMetaData())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void a_cancelled_or_closed_request_asks_nobody() {
            given(opened(TUESDAY, 1), new HelpRequestCancelledEvent(REQUEST, VIERSEN, null))
                    .when(new AskVolunteerCommand(REQUEST, A1, AMIRA), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "help-request.closed"))
                    .expectNoEvents();
            given(opened(TUESDAY, 1), new HelpRequestClosedEvent(REQUEST, VIERSEN, TODAY))
                    .when(new AskVolunteerCommand(REQUEST, A1, AMIRA), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "help-request.closed"))
                    .expectNoEvents();
        }

        @Test
        void a_staffed_request_asks_nobody() {
            given(opened(TUESDAY, 1), asked(A1, AMIRA, TUESDAY), confirmed(A1, AMIRA))
                    .when(new AskVolunteerCommand(REQUEST, A2, JONAS), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "help-request.staffed"))
                    .expectNoEvents();
        }

        @Test
        void a_request_in_the_past_asks_nobody() {
            given(opened(LAST_WEEK, 1))
                    .when(new AskVolunteerCommand(REQUEST, A1, AMIRA), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "assignment.past"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Offering {

        @Test
        void an_offer_to_several_holds_nobodys_time() {
            given(opened(TUESDAY, 1))
                    .when(new OfferToVolunteersCommand(REQUEST, Map.of(AMIRA, A1, JONAS, A2)), COORDINATOR.toMetaData())
                    .expectEvents(new AssignmentOfferedEvent(REQUEST, A1, AMIRA, VIERSEN, TUESDAY),
                            new AssignmentOfferedEvent(REQUEST, A2, JONAS, VIERSEN, TUESDAY));
            assertThat(bookings.live(A1)).isTrue();
            assertThat(bookings.heldOccurrences(A1)).isZero();
            // another request may book Amira at that time meanwhile
            bookings.ledger().hold(AMIRA, ELSEWHERE, OTHER_REQUEST, TUESDAY_LATE);
        }

        @Test
        void the_first_to_accept_is_booked_and_the_other_offers_lapse_once_staffed() {
            given(opened(TUESDAY, 1), offered(A1, AMIRA, TUESDAY), offered(A2, JONAS, TUESDAY))
                    .when(new ConfirmAssignmentCommand(REQUEST, A2), volunteerActor(JONAS).toMetaData())
                    .expectEvents(new AssignmentConfirmedEvent(REQUEST, A2, JONAS, VIERSEN, true),
                            new AssignmentLapsedEvent(REQUEST, A1, AMIRA, VIERSEN));
            assertThat(bookings.heldOccurrences(A2)).isEqualTo(1);
            assertThat(bookings.live(A1)).isFalse();
        }

        @Test
        void an_offer_accepted_after_the_volunteer_was_booked_elsewhere_is_refused() {
            HelpRequestOpenedEvent opened = opened(TUESDAY, 1);
            AssignmentOfferedEvent offered = offered(A1, AMIRA, TUESDAY);
            bookings.ledger().hold(AMIRA, ELSEWHERE, OTHER_REQUEST, TUESDAY_LATE);
            given(opened, offered)
                    .when(new ConfirmAssignmentCommand(REQUEST, A1), volunteerActor(AMIRA).toMetaData())
                    .expectException(refused(RuleViolationException.class, "assignment.volunteer.booked"))
                    .expectNoEvents();
        }

        @Test
        void an_offer_to_someone_already_asked_is_refused() {
            given(opened(TUESDAY, 2), asked(A1, AMIRA, TUESDAY))
                    .when(new OfferToVolunteersCommand(REQUEST, Map.of(AMIRA, A2, JONAS, A3)), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "assignment.volunteer.already-asked"))
                    .expectNoEvents();
            assertThat(bookings.live(A3)).isFalse();
        }

        @Test
        void offers_go_only_to_active_volunteers_of_the_centre() {
            given(opened(TUESDAY, 2))
                    .when(new OfferToVolunteersCommand(REQUEST, Map.of(AMIRA, A1, INACTIVE, A2)), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "volunteer.inactive"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Confirming {

        @Test
        void the_volunteer_confirms_through_their_link() {
            given(opened(TUESDAY, 2), asked(A1, AMIRA, TUESDAY))
                    .when(new ConfirmAssignmentCommand(REQUEST, A1), volunteerActor(AMIRA).toMetaData())
                    .expectEvents(new AssignmentConfirmedEvent(REQUEST, A1, AMIRA, VIERSEN, true));
        }

        @Test
        void the_coordinator_confirms_for_the_volunteer() {
            given(opened(TUESDAY, 2), asked(A1, AMIRA, TUESDAY))
                    .when(new ConfirmAssignmentCommand(REQUEST, A1), COORDINATOR.toMetaData())
                    .expectEvents(new AssignmentConfirmedEvent(REQUEST, A1, AMIRA, VIERSEN, false));
        }

        @Test
        void another_volunteer_cannot_confirm_or_decline_it() {
            given(opened(TUESDAY, 2), asked(A1, AMIRA, TUESDAY))
                    .when(new ConfirmAssignmentCommand(REQUEST, A1), volunteerActor(JONAS).toMetaData())
                    .expectException(refused(ForbiddenException.class, "assignment.respond.forbidden"))
                    .expectNoEvents();
            given(opened(TUESDAY, 2), asked(A1, AMIRA, TUESDAY))
                    .when(new DeclineAssignmentCommand(REQUEST, A1, null), volunteerActor(JONAS).toMetaData())
                    .expectException(refused(ForbiddenException.class, "assignment.respond.forbidden"))
                    .expectNoEvents();
        }

        @Test
        void a_volunteer_of_another_centre_or_its_coordinator_cannot_confirm_it() {
            given(opened(TUESDAY, 2), asked(A1, AMIRA, TUESDAY))
                    .when(new ConfirmAssignmentCommand(REQUEST, A1), Actor.volunteer(AMIRA.value(), KOELN).toMetaData())
                    .expectException(refused(ForbiddenException.class, "assignment.respond.forbidden"))
                    .expectNoEvents();
            given(opened(TUESDAY, 2), asked(A1, AMIRA, TUESDAY))
                    .when(new ConfirmAssignmentCommand(REQUEST, A1), OTHER_COORDINATOR.toMetaData())
                    .expectException(refused(ForbiddenException.class, "assignment.respond.forbidden"))
                    .expectNoEvents();
        }

        @Test
        void an_assignment_in_the_past_cannot_be_confirmed() {
            given(opened(LAST_WEEK, 1), asked(A1, AMIRA, LAST_WEEK))
                    .when(new ConfirmAssignmentCommand(REQUEST, A1), volunteerActor(AMIRA).toMetaData())
                    .expectException(refused(RuleViolationException.class, "assignment.past"))
                    .expectNoEvents();
        }

        @Test
        void a_recurring_assignment_can_be_confirmed_while_its_last_day_is_ahead() {
            given(opened(THURSDAYS, 1), asked(A1, AMIRA, THURSDAYS))
                    .when(new ConfirmAssignmentCommand(REQUEST, A1), volunteerActor(AMIRA).toMetaData())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void a_request_is_never_staffed_beyond_the_number_asked_for() {
            // two asked, one place: Amira confirmed (a history without the lapse the aggregate now applies)
            given(opened(TUESDAY, 1), asked(A1, AMIRA, TUESDAY), asked(A2, JONAS, TUESDAY), confirmed(A1, AMIRA))
                    .when(new ConfirmAssignmentCommand(REQUEST, A2), volunteerActor(JONAS).toMetaData())
                    .expectException(refused(RuleViolationException.class, "help-request.staffed"))
                    .expectNoEvents();
        }

        @Test
        void when_the_last_place_is_filled_the_others_asked_lapse_and_their_time_is_free() {
            given(opened(TUESDAY, 2), asked(A1, AMIRA, TUESDAY), asked(A2, JONAS, TUESDAY), asked(A3, LEA, TUESDAY),
                    confirmed(A1, AMIRA))
                    .when(new ConfirmAssignmentCommand(REQUEST, A3), volunteerActor(LEA).toMetaData())
                    .expectEvents(new AssignmentConfirmedEvent(REQUEST, A3, LEA, VIERSEN, true),
                            new AssignmentLapsedEvent(REQUEST, A2, JONAS, VIERSEN));
            assertThat(bookings.live(A2)).isFalse();
            assertThat(bookings.heldOccurrences(A1)).isEqualTo(1);
            assertThat(bookings.heldOccurrences(A3)).isEqualTo(1);
        }

        @Test
        void a_lapsed_or_declined_assignment_cannot_be_confirmed() {
            given(opened(TUESDAY, 2), asked(A1, AMIRA, TUESDAY), new AssignmentLapsedEvent(REQUEST, A1, AMIRA, VIERSEN))
                    .when(new ConfirmAssignmentCommand(REQUEST, A1), volunteerActor(AMIRA).toMetaData())
                    .expectException(refused(RuleViolationException.class, "assignment.not-live"))
                    .expectNoEvents();
        }

        @Test
        void an_unknown_assignment_is_not_found() {
            given(opened(TUESDAY, 2))
                    .when(new ConfirmAssignmentCommand(REQUEST, A1), COORDINATOR.toMetaData())
                    .expectException(refused(NotFoundException.class, "assignment.unknown"))
                    .expectNoEvents();
        }
    }

    @Nested
    class DecliningAndCancelling {

        @Test
        void a_decline_frees_the_time_and_keeps_the_reason_under_the_volunteers_key() {
            given(opened(TUESDAY, 1), asked(A1, AMIRA, TUESDAY))
                    .when(new DeclineAssignmentCommand(REQUEST, A1, "Ich bin an dem Tag beim Arzt."), volunteerActor(AMIRA).toMetaData())
                    .expectEventsMatching(eventsSatisfying(events -> {
                        AssignmentDeclinedEvent e = (AssignmentDeclinedEvent) events.get(0).getPayload();
                        assertThat(e.byVolunteer()).isTrue();
                        assertThat(e.reason().ciphertext()).doesNotContain("Arzt");
                        assertThat(vault.openText(AMIRA, e.reason())).contains("Ich bin an dem Tag beim Arzt.");
                    }));
            assertThat(bookings.live(A1)).isFalse();
        }

        @Test
        void a_yes_is_not_taken_back_by_a_decline_but_cancelled_by_the_coordination_with_its_reason() {
            // a decline of a confirmed assignment would be a cancellation after confirmation without a reason (rule 16)
            given(opened(TUESDAY, 1), asked(A1, AMIRA, TUESDAY), confirmed(A1, AMIRA))
                    .when(new DeclineAssignmentCommand(REQUEST, A1, null), volunteerActor(AMIRA).toMetaData())
                    .expectException(refused(RuleViolationException.class, "assignment.already-confirmed"))
                    .expectNoEvents();
            given(opened(TUESDAY, 1), asked(A1, AMIRA, TUESDAY), confirmed(A1, AMIRA))
                    .when(new DeclineAssignmentCommand(REQUEST, A1, "krank"), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "assignment.already-confirmed"))
                    .expectNoEvents();
            assertThat(bookings.heldOccurrences(A1)).isEqualTo(1);
        }

        @Test
        void a_confirmed_assignment_is_cancelled_only_with_a_reason() {
            given(opened(TUESDAY, 1), asked(A1, AMIRA, TUESDAY), confirmed(A1, AMIRA))
                    .when(new CancelAssignmentCommand(REQUEST, A1, null), COORDINATOR.toMetaData())
                    .expectException(refused(InvalidInputException.class, "assignment.cancel.reason-missing"))
                    .expectNoEvents();
            assertThat(bookings.heldOccurrences(A1)).isEqualTo(1);
        }

        @Test
        void a_confirmed_assignment_whose_time_has_come_is_not_cancelled_even_when_its_volunteer_leaves() {
            given(opened(LAST_WEEK, 1), asked(A1, AMIRA, LAST_WEEK), confirmed(A1, AMIRA))
                    .when(new CancelAssignmentCommand(REQUEST, A1, nrw.komman.command.coordination.policy.LeavingVolunteers.ERASED), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "assignment.past"))
                    .expectNoEvents();
        }

        @Test
        void a_cancellation_after_confirmation_is_kept_with_its_reason_sealed_under_the_volunteers_key() {
            given(opened(TUESDAY, 1), asked(A1, AMIRA, TUESDAY), confirmed(A1, AMIRA))
                    .when(new CancelAssignmentCommand(REQUEST, A1, "Termin wurde vom Amt verschoben"), COORDINATOR.toMetaData())
                    .expectEventsMatching(eventsSatisfying(events -> {
                        AssignmentCancelledEvent e = (AssignmentCancelledEvent) events.get(0).getPayload();
                        assertThat(e.afterConfirmation()).isTrue();
                        assertThat(e.reason().ciphertext()).doesNotContain("verschoben");
                        assertThat(vault.openText(AMIRA, e.reason())).contains("Termin wurde vom Amt verschoben");
                    }));
            assertThat(bookings.live(A1)).isFalse();
        }

        @Test
        void the_platform_cancels_an_erased_volunteers_confirmed_assignment_keeping_nothing_personal() {
            HelpRequestOpenedEvent opened = opened(TUESDAY, 1);
            VolunteerAskedEvent asked = asked(A1, AMIRA, TUESDAY);
            vault.shred(AMIRA);
            given(opened, asked, confirmed(A1, AMIRA))
                    .when(new CancelAssignmentCommand(REQUEST, A1, "volunteer.erased"), Actor.SYSTEM.toMetaData())
                    .expectEvents(new AssignmentCancelledEvent(REQUEST, A1, AMIRA, VIERSEN, true, null));
            assertThat(bookings.live(A1)).isFalse();
        }

        @Test
        void an_asked_assignment_is_cancelled_without_a_reason() {
            given(opened(TUESDAY, 1), asked(A1, AMIRA, TUESDAY))
                    .when(new CancelAssignmentCommand(REQUEST, A1, null), COORDINATOR.toMetaData())
                    .expectEvents(new AssignmentCancelledEvent(REQUEST, A1, AMIRA, VIERSEN, false, null));
        }

        @Test
        void only_the_coordination_cancels() {
            given(opened(TUESDAY, 1), asked(A1, AMIRA, TUESDAY))
                    .when(new CancelAssignmentCommand(REQUEST, A1, null), volunteerActor(AMIRA).toMetaData())
                    .expectException(refused(ForbiddenException.class, "help-request.forbidden"))
                    .expectNoEvents();
        }

        @Test
        void a_cancelled_assignment_is_not_cancelled_again() {
            given(opened(TUESDAY, 1), asked(A1, AMIRA, TUESDAY),
                    new AssignmentCancelledEvent(REQUEST, A1, AMIRA, VIERSEN, false, null))
                    .when(new CancelAssignmentCommand(REQUEST, A1, null), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "assignment.not-live"))
                    .expectNoEvents();
        }

        @Test
        void a_replacement_cancels_one_and_asks_another_in_one_step() {
            given(opened(TUESDAY, 1), asked(A1, AMIRA, TUESDAY), confirmed(A1, AMIRA))
                    .when(new ReplaceAssignmentCommand(REQUEST, A1, A2, JONAS, "krank"), COORDINATOR.toMetaData())
                    .expectEventsMatching(eventsSatisfying(events -> {
                        assertThat(events).hasSize(2);
                        AssignmentCancelledEvent cancelled = (AssignmentCancelledEvent) events.get(0).getPayload();
                        assertThat(cancelled.assignmentId()).isEqualTo(A1);
                        assertThat(cancelled.afterConfirmation()).isTrue();
                        assertThat(events.get(1).getPayload()).isEqualTo(new VolunteerAskedEvent(REQUEST, A2, JONAS, VIERSEN, TUESDAY));
                    }));
            assertThat(bookings.live(A1)).isFalse();
            assertThat(bookings.heldOccurrences(A2)).isEqualTo(1);
        }

        @Test
        void a_replacement_booked_elsewhere_leaves_the_first_assignment_as_it_was() {
            HelpRequestOpenedEvent opened = opened(TUESDAY, 1);
            VolunteerAskedEvent asked = asked(A1, AMIRA, TUESDAY);
            bookings.ledger().hold(JONAS, ELSEWHERE, OTHER_REQUEST, TUESDAY_LATE);
            given(opened, asked)
                    .when(new ReplaceAssignmentCommand(REQUEST, A1, A2, JONAS, null), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "assignment.volunteer.booked"))
                    .expectNoEvents();
            assertThat(bookings.heldOccurrences(A1)).isEqualTo(1);
        }

        @Test
        void cancelling_the_request_cancels_every_live_assignment_and_starts_its_retention() {
            given(opened(TUESDAY, 2), asked(A1, AMIRA, TUESDAY), confirmed(A1, AMIRA), asked(A2, JONAS, TUESDAY),
                    asked(A3, LEA, TUESDAY), declined(A3, LEA))
                    .when(new CancelHelpRequestCommand(REQUEST, "Die Familie ist umgezogen"), COORDINATOR.toMetaData())
                    .expectEventsMatching(eventsSatisfying(events -> {
                        assertThat(events).extracting(m -> m.getPayload().getClass().getSimpleName())
                                .containsExactly("HelpRequestCancelledEvent", "AssignmentCancelledEvent", "AssignmentCancelledEvent");
                        HelpRequestCancelledEvent request = (HelpRequestCancelledEvent) events.get(0).getPayload();
                        assertThat(vault.openText(REQUEST.subject(), request.reason())).contains("Die Familie ist umgezogen");
                        AssignmentCancelledEvent first = (AssignmentCancelledEvent) events.get(1).getPayload();
                        assertThat(first.assignmentId()).isEqualTo(A1);
                        assertThat(first.afterConfirmation()).isTrue();
                        // the request's reason may speak of the requester: the assignment keeps only the code (rule 19)
                        assertThat(vault.openText(AMIRA, first.reason())).contains(HelpRequest.REQUEST_CANCELLED);
                        assertThat(((AssignmentCancelledEvent) events.get(2).getPayload()).afterConfirmation()).isFalse();
                    }));
            assertThat(bookings.live(A1)).isFalse();
            assertThat(bookings.live(A2)).isFalse();
            assertThat(retention.endedOn(REQUEST)).contains(TODAY);
        }

        @Test
        void closing_after_the_last_day_lets_the_unconfirmed_lapse_keeps_the_confirmed_and_frees_all_time() {
            given(opened(LAST_WEEK, 2), asked(A1, AMIRA, LAST_WEEK), confirmed(A1, AMIRA), offered(A2, JONAS, LAST_WEEK))
                    .when(new CloseHelpRequestCommand(REQUEST), COORDINATOR.toMetaData())
                    .expectEvents(new HelpRequestClosedEvent(REQUEST, VIERSEN, TODAY),
                            new AssignmentLapsedEvent(REQUEST, A2, JONAS, VIERSEN));
            assertThat(bookings.live(A1)).isFalse();
            assertThat(bookings.live(A2)).isFalse();
            assertThat(retention.endedOn(REQUEST)).contains(TODAY);
        }

        @Test
        void a_request_with_a_confirmed_assignment_still_ahead_is_not_closed_so_nobody_is_bookable_twice() {
            given(opened(TUESDAY, 2), asked(A1, AMIRA, TUESDAY), confirmed(A1, AMIRA), offered(A2, JONAS, TUESDAY))
                    .when(new CloseHelpRequestCommand(REQUEST), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "help-request.close.confirmed-ahead"))
                    .expectNoEvents();
            assertThat(bookings.heldOccurrences(A1)).isEqualTo(1);
            assertThat(retention.endedOn(REQUEST)).isEmpty();
        }

        @Test
        void calling_off_a_request_keeps_a_confirmed_assignment_whose_time_has_come() {
            given(opened(LAST_WEEK, 2), asked(A1, AMIRA, LAST_WEEK), confirmed(A1, AMIRA), asked(A2, JONAS, LAST_WEEK))
                    .when(new CancelHelpRequestCommand(REQUEST, "Die Familie ist umgezogen"), COORDINATOR.toMetaData())
                    .expectEventsMatching(eventsSatisfying(events -> {
                        assertThat(events).extracting(m -> m.getPayload().getClass().getSimpleName())
                                .containsExactly("HelpRequestCancelledEvent", "AssignmentCancelledEvent");
                        assertThat(((AssignmentCancelledEvent) events.get(1).getPayload()).assignmentId()).isEqualTo(A2);
                    }));
        }

        @Test
        void a_closed_request_is_not_closed_or_cancelled_again() {
            given(opened(TUESDAY, 1), new HelpRequestClosedEvent(REQUEST, VIERSEN, TODAY))
                    .when(new CancelHelpRequestCommand(REQUEST, "doch nicht"), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "help-request.closed"))
                    .expectNoEvents();
        }
    }

    @Nested
    class WhatHappened {

        private final LocalDate thursday = LocalDate.of(2026, 11, 19);

        private TestExecutor<HelpRequest> givenConfirmedOnThursdays() {
            return given(opened(THURSDAYS, 1), asked(A1, AMIRA, THURSDAYS), confirmed(A1, AMIRA));
        }

        @Test
        void an_assignment_that_took_place_becomes_a_logged_activity_before_the_fact_is_recorded() {
            givenConfirmedOnThursdays()
                    .when(new RecordAssignmentTookPlaceCommand(REQUEST, A1, thursday, 150, ACTIVITY), COORDINATOR.toMetaData())
                    .expectEvents(new AssignmentTookPlaceEvent(REQUEST, A1, AMIRA, VIERSEN, thursday, 150,
                            ActivityCategory.ACCOMPANIMENT, GRANT, ACTIVITY));
            assertThat(activities.logged()).containsExactly(new LogActivityCommand(AMIRA, ACTIVITY, thursday, 150,
                    ActivityCategory.ACCOMPANIMENT, null, GRANT));
            assertThat(activities.actors()).containsExactly(COORDINATOR);
        }

        @Test
        void when_the_activity_is_refused_nothing_is_recorded() {
            activities.refusing(new RuleViolationException("activity.volunteer-inactive", "Die Person ist inaktiv."));
            givenConfirmedOnThursdays()
                    .when(new RecordAssignmentTookPlaceCommand(REQUEST, A1, thursday, 150, ACTIVITY), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "activity.volunteer-inactive"))
                    .expectNoEvents();
        }

        @Test
        void a_confirmed_assignment_that_has_not_taken_place_is_no_activity() {
            givenConfirmedOnThursdays()
                    .when(new RecordNoShowCommand(REQUEST, A1, thursday), COORDINATOR.toMetaData())
                    .expectEvents(new AssignmentNoShowRecordedEvent(REQUEST, A1, AMIRA, VIERSEN, thursday));
            assertThat(activities.logged()).isEmpty();
        }

        @Test
        void only_a_confirmed_assignment_takes_place() {
            given(opened(THURSDAYS, 1), asked(A1, AMIRA, THURSDAYS))
                    .when(new RecordAssignmentTookPlaceCommand(REQUEST, A1, thursday, 150, ACTIVITY), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "assignment.not-confirmed"))
                    .expectNoEvents();
            assertThat(activities.logged()).isEmpty();
        }

        @Test
        void it_takes_place_on_a_day_of_its_schedule_not_in_the_future_and_once_a_day() {
            givenConfirmedOnThursdays()
                    .when(new RecordAssignmentTookPlaceCommand(REQUEST, A1, thursday.plusDays(1), 150, ACTIVITY), COORDINATOR.toMetaData())
                    .expectException(refused(InvalidInputException.class, "assignment.day.not-scheduled"));
            givenConfirmedOnThursdays()
                    .when(new RecordAssignmentTookPlaceCommand(REQUEST, A1, LocalDate.of(2026, 11, 26), 150, ACTIVITY), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "assignment.day.future"));
            given(opened(THURSDAYS, 1), asked(A1, AMIRA, THURSDAYS), confirmed(A1, AMIRA),
                    new AssignmentTookPlaceEvent(REQUEST, A1, AMIRA, VIERSEN, thursday, 150, ActivityCategory.ACCOMPANIMENT, GRANT, ACTIVITY))
                    .when(new RecordNoShowCommand(REQUEST, A1, thursday), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "assignment.day.already-recorded"))
                    .expectNoEvents();
            assertThat(activities.logged()).isEmpty();
        }

        @Test
        void the_volunteer_does_not_record_what_took_place() {
            givenConfirmedOnThursdays()
                    .when(new RecordAssignmentTookPlaceCommand(REQUEST, A1, thursday, 150, ACTIVITY), volunteerActor(AMIRA).toMetaData())
                    .expectException(refused(ForbiddenException.class, "help-request.forbidden"))
                    .expectNoEvents();
        }
    }

    @Nested
    class RequesterErasure {

        @Test
        void erasure_destroys_the_requests_key_once_it_has_ended() {
            given(opened(TUESDAY, 1), new HelpRequestClosedEvent(REQUEST, VIERSEN, TODAY))
                    .when(new EraseRequesterDataCommand(REQUEST, ErasureReason.REQUEST), COORDINATOR.toMetaData())
                    .expectEvents(new RequesterDataErasedEvent(REQUEST, VIERSEN, ErasureReason.REQUEST));
            assertThat(vault.isShredded(REQUEST.subject())).isTrue();
        }

        @Test
        void an_open_request_keeps_its_requesters_data() {
            given(opened(TUESDAY, 1))
                    .when(new EraseRequesterDataCommand(REQUEST, ErasureReason.REQUEST), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "help-request.not-ended"))
                    .expectNoEvents();
            assertThat(vault.isShredded(REQUEST.subject())).isFalse();
        }
    }

    /** The request's schedule days are shared by the tests above; a guard that they say what they mean. */
    @Test
    void the_test_schedules_lie_where_the_tests_need_them() {
        assertThat(TUESDAY.firstDay()).isAfter(TODAY);
        assertThat(LAST_WEEK.firstDay()).isBefore(TODAY);
        assertThat(THURSDAYS.days()).contains(LocalDate.of(2026, 11, 19), LocalDate.of(2026, 12, 31));
        assertThat(Arrays.asList(TUESDAY.overlaps(TUESDAY_LATE))).containsExactly(true);
    }
}
