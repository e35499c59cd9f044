package nrw.komman.command.coordination;

import nrw.komman.command.testing.FakeCentreRegistry;
import nrw.komman.command.testing.FakeGrantRegistry;
import nrw.komman.command.testing.FakeVolunteerStanding;
import nrw.komman.command.testing.InMemoryRequesterRetention;
import nrw.komman.command.testing.MovableClock;
import nrw.komman.command.testing.RecordingActivityLogging;
import nrw.komman.command.testing.TestBookings;
import nrw.komman.command.testing.TestClock;
import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.coordination.AskVolunteerCommand;
import nrw.komman.kernel.coordination.AssignmentId;
import nrw.komman.kernel.coordination.AssignmentReminderDueEvent;
import nrw.komman.kernel.coordination.CancelAssignmentCommand;
import nrw.komman.kernel.coordination.CancelHelpRequestCommand;
import nrw.komman.kernel.coordination.ConfirmAssignmentCommand;
import nrw.komman.kernel.coordination.HelpRequestId;
import nrw.komman.kernel.coordination.HelpRequestUnstaffedEvent;
import nrw.komman.kernel.coordination.OpenHelpRequestCommand;
import nrw.komman.kernel.coordination.ReplaceAssignmentCommand;
import nrw.komman.kernel.coordination.Schedule;
import nrw.komman.kernel.coordination.HelpRequestCancelledEvent;
import nrw.komman.kernel.coordination.ScheduleRequestDatesCommand;
import nrw.komman.kernel.coordination.AssignmentCancelledEvent;
import nrw.komman.kernel.coordination.AssignmentConfirmedEvent;
import nrw.komman.kernel.coordination.VolunteerAskedEvent;
import nrw.komman.kernel.coordination.HelpRequestOpenedEvent;
import nrw.komman.kernel.coordination.OfferToVolunteersCommand;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.GrantStatus;
import nrw.komman.kernel.volunteer.AesGcmPersonalDataVault;
import nrw.komman.kernel.volunteer.InMemoryKeyRing;
import nrw.komman.kernel.volunteer.VolunteerId;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.Map;

import static nrw.komman.command.testing.EventsSatisfying.eventsSatisfying;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dates of a request for help (issue 19, rule 23) as Axon deadlines: the reminder the day before each occurrence
 * of a confirmed assignment, and the escalation of a request not staffed some time before it starts; each recorded by
 * the platform, once, and only while it still applies. Now is Wednesday 25 November 2026, 10:00 in NRW; the fixture's
 * time and the handlers' clock move together.
 */
class HelpRequestDatesTest {

    private static final CentreId VIERSEN = new CentreId("05166");
    private static final Actor COORDINATOR = Actor.coordinator("k.yilmaz", VIERSEN);
    private static final HelpRequestId REQUEST = new HelpRequestId(UUID.fromString("4e1a0000-0000-4000-8000-000000000019"));
    private static final VolunteerId AMIRA = new VolunteerId(UUID.fromString("0b6f7c1e-0000-4000-8000-000000000001"));
    private static final VolunteerId JONAS = new VolunteerId(UUID.fromString("0b6f7c1e-0000-4000-8000-000000000002"));
    private static final AssignmentId A1 = new AssignmentId(UUID.fromString("a5500000-0000-4000-8000-000000000001"));
    private static final AssignmentId A2 = new AssignmentId(UUID.fromString("a5500000-0000-4000-8000-000000000002"));
    private static final GrantId GRANT = new GrantId(UUID.fromString("9c0ffee0-0000-4000-8000-000000000001"));

    private static final Instant NOW = TestClock.CLOCK.instant();
    /** Tuesday 1 December 2026, 9 to 12 in Viersen (08:00 UTC). */
    private static final LocalDate DECEMBER_1 = LocalDate.of(2026, 12, 1);
    private static final Schedule TUESDAY = Schedule.once(DECEMBER_1, LocalTime.of(9, 0), LocalTime.of(12, 0));
    private static final Instant TUESDAY_STARTS = Instant.parse("2026-12-01T08:00:00Z");
    /** The day before, 09:00 in NRW. */
    private static final Instant TUESDAY_REMINDER = Instant.parse("2026-11-30T08:00:00Z");
    /** 48 hours before it starts. */
    private static final Instant TUESDAY_UNSTAFFED = Instant.parse("2026-11-29T08:00:00Z");
    /** Every Thursday 15 to 18 from 26 November to 17 December 2026: the first one is tomorrow. */
    private static final Schedule THURSDAYS = Schedule.weekly(LocalDate.of(2026, 11, 26), LocalDate.of(2026, 12, 17),
            Set.of(DayOfWeek.THURSDAY), LocalTime.of(15, 0), LocalTime.of(18, 0));

    private final MovableClock clock = new MovableClock(NOW);
    private final AggregateTestFixture<HelpRequest> fixture = fixture(StaffingDates.DEFAULT_UNSTAFFED_LEAD_HOURS);

    private AggregateTestFixture<HelpRequest> fixture(int leadHours) {
        AggregateTestFixture<HelpRequest> fixture = new AggregateTestFixture<>(HelpRequest.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(new AesGcmPersonalDataVault(new InMemoryKeyRing()));
        fixture.registerInjectableResource(new FakeCentreRegistry().established(VIERSEN, LocalDate.of(2019, 4, 1)));
        fixture.registerInjectableResource(new FakeGrantRegistry().with(GRANT, VIERSEN, 2026, GrantStatus.APPROVED));
        fixture.registerInjectableResource(new FakeVolunteerStanding().active(AMIRA, VIERSEN).active(JONAS, VIERSEN));
        fixture.registerInjectableResource(new TestBookings().ledger());
        fixture.registerInjectableResource(new RecordingActivityLogging());
        fixture.registerInjectableResource(new InMemoryRequesterRetention());
        fixture.registerInjectableResource(new StaffingDates(leadHours));
        return fixture;
    }

    // ---- the story, as commands (they schedule)

    private static CommandMessage<?> byCoordinator(Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(COORDINATOR.toMetaData());
    }

    private static OpenHelpRequestCommand open(Schedule schedule, int needed) {
        return new OpenHelpRequestCommand(REQUEST, VIERSEN, ActivityCategory.ACCOMPANIMENT, Set.of("prs"), schedule, 120,
                "Viersen", "Ausländerbehörde", needed, "Familie Rahimi", "0176 1234567", null, GRANT);
    }

    /** Opened, Amira asked and confirmed (by the coordinator, who heard her yes). */
    private static List<CommandMessage<?>> confirmedStory(Schedule schedule, int needed) {
        List<CommandMessage<?>> story = new ArrayList<>();
        story.add(byCoordinator(open(schedule, needed)));
        story.add(byCoordinator(new AskVolunteerCommand(REQUEST, A1, AMIRA)));
        story.add(byCoordinator(new ConfirmAssignmentCommand(REQUEST, A1)));
        return story;
    }

    private static List<CommandMessage<?>> and(List<CommandMessage<?>> story, Object... commands) {
        List<CommandMessage<?>> more = new ArrayList<>(story);
        for (Object command : commands) {
            more.add(byCoordinator(command));
        }
        return more;
    }

    private TestExecutor<HelpRequest> at(AggregateTestFixture<HelpRequest> fixture, Instant instant) {
        clock.moveTo(instant);
        return fixture.givenCurrentTime(instant);
    }

    private ResultValidator<HelpRequest> timeComes(TestExecutor<HelpRequest> given, Instant instant) {
        clock.moveTo(instant);
        return given.whenThenTimeAdvancesTo(instant);
    }

    @Nested
    class Reminder {

        @Test
        void a_confirmation_schedules_the_reminder_the_day_before_at_nine_in_nrw() {
            at(fixture, NOW).andGivenCommands(byCoordinator(open(TUESDAY, 1)), byCoordinator(new AskVolunteerCommand(REQUEST, A1, AMIRA)))
                    .when(new ConfirmAssignmentCommand(REQUEST, A1), COORDINATOR.toMetaData())
                    .expectScheduledDeadline(TUESDAY_REMINDER, RequestDate.reminder(A1, DECEMBER_1));
        }

        @Test
        void the_reminder_is_recorded_by_the_platform_when_its_time_comes_and_nothing_follows_a_single_day() {
            timeComes(at(fixture, NOW).andGivenCommands(confirmedStory(TUESDAY, 1)), TUESDAY_REMINDER)
                    .expectEvents(new AssignmentReminderDueEvent(REQUEST, A1, AMIRA, VIERSEN, DECEMBER_1, TUESDAY_STARTS))
                    .expectEventsMatching(eventsSatisfying(events -> assertThat(events.get(0).getMetaData())
                            .containsEntry(Actor.ACCOUNT, "system").containsEntry(Actor.ROLE, "SYSTEM")))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void an_offer_accepted_is_reminded_like_a_yes_to_an_ask() {
            at(fixture, NOW).andGivenCommands(byCoordinator(open(TUESDAY, 1)),
                            byCoordinator(new OfferToVolunteersCommand(REQUEST, Map.of(AMIRA, A1, JONAS, A2))))
                    .when(new ConfirmAssignmentCommand(REQUEST, A2), Actor.volunteer(JONAS.value(), VIERSEN).toMetaData())
                    .expectScheduledDeadline(TUESDAY_REMINDER, RequestDate.reminder(A2, DECEMBER_1));
        }

        @Test
        void the_day_before_at_nine_is_nine_in_summer_time_too() {
            // summer time begins on Sunday 29 March 2026 at 02:00: 09:00 that day is 07:00 UTC, not 08:00
            Schedule monday = Schedule.once(LocalDate.of(2026, 3, 30), LocalTime.of(9, 0), LocalTime.of(11, 0));
            assertThat(StaffingDates.reminderAt(monday.occurrences().get(0))).isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
            Schedule sunday = Schedule.once(LocalDate.of(2026, 10, 26), LocalTime.of(9, 0), LocalTime.of(11, 0));
            // and it ends on Sunday 25 October 2026 at 03:00: 09:00 that day is 08:00 UTC again
            assertThat(StaffingDates.reminderAt(sunday.occurrences().get(0))).isEqualTo(Instant.parse("2026-10-25T08:00:00Z"));
        }

        @Test
        void not_before_its_time() {
            timeComes(at(fixture, NOW).andGivenCommands(confirmedStory(TUESDAY, 1)), TUESDAY_REMINDER.minusSeconds(1))
                    .expectNoEvents();
        }

        @Test
        void a_reminder_is_recorded_once() {
            timeComes(at(fixture, NOW).andGivenCommands(confirmedStory(TUESDAY, 1))
                            .andGiven(new AssignmentReminderDueEvent(REQUEST, A1, AMIRA, VIERSEN, DECEMBER_1, TUESDAY_STARTS)),
                    TUESDAY_REMINDER)
                    .expectNoEvents();
        }

        @Test
        void a_cancelled_assignment_gets_no_reminder() {
            // the day before, only the escalation of the request that lost its volunteer
            timeComes(at(fixture, NOW).andGivenCommands(and(confirmedStory(TUESDAY, 1),
                    new CancelAssignmentCommand(REQUEST, A1, "Erkrankt"))), TUESDAY_REMINDER)
                    .expectEvents(new HelpRequestUnstaffedEvent(REQUEST, VIERSEN, TUESDAY_STARTS, 0, 1));
        }

        @Test
        void a_replaced_assignment_gets_none_and_its_replacement_none_before_a_yes() {
            timeComes(at(fixture, NOW).andGivenCommands(and(confirmedStory(TUESDAY, 1),
                    new ReplaceAssignmentCommand(REQUEST, A1, A2, JONAS, "Erkrankt"))), TUESDAY_REMINDER)
                    .expectEvents(new HelpRequestUnstaffedEvent(REQUEST, VIERSEN, TUESDAY_STARTS, 0, 1));
        }

        @Test
        void the_replacements_yes_gets_its_own_reminder() {
            timeComes(at(fixture, NOW).andGivenCommands(and(confirmedStory(TUESDAY, 1),
                    new ReplaceAssignmentCommand(REQUEST, A1, A2, JONAS, "Erkrankt"),
                    new ConfirmAssignmentCommand(REQUEST, A2))), TUESDAY_REMINDER)
                    .expectEvents(new AssignmentReminderDueEvent(REQUEST, A2, JONAS, VIERSEN, DECEMBER_1, TUESDAY_STARTS));
        }

        @Test
        void a_called_off_request_reminds_nobody() {
            timeComes(at(fixture, NOW).andGivenCommands(and(confirmedStory(TUESDAY, 1),
                    new CancelHelpRequestCommand(REQUEST, "Termin abgesagt"))), TUESDAY_REMINDER)
                    .expectNoEvents();
        }

        @Test
        void an_assignment_asked_but_not_confirmed_gets_no_reminder() {
            // a lead time of 30 days: the request's own check is past already, so any deadline would be a reminder
            at(fixture(24 * 30), NOW).andGivenCommands(byCoordinator(open(TUESDAY, 1)))
                    .when(new AskVolunteerCommand(REQUEST, A1, AMIRA), COORDINATOR.toMetaData())
                    .expectNoScheduledDeadlines();
        }

        @Test
        void a_yes_after_the_reminders_time_gets_none() {
            // Monday 30 November, 10:00 in NRW: the reminder's time (09:00) has passed
            Instant mondayMorning = Instant.parse("2026-11-30T09:00:00Z");
            at(fixture, mondayMorning).andGivenCommands(byCoordinator(open(TUESDAY, 1)),
                            byCoordinator(new AskVolunteerCommand(REQUEST, A1, AMIRA)))
                    .when(new ConfirmAssignmentCommand(REQUEST, A1), COORDINATOR.toMetaData())
                    .expectNoScheduledDeadlines();
        }

        @Test
        void weekly_the_next_occurrence_whose_reminder_is_ahead_is_reminded_and_each_reminder_schedules_the_next() {
            // tomorrow's reminder time (today 09:00) has passed: the first reminder is for 3 December
            at(fixture, NOW).andGivenCommands(byCoordinator(open(THURSDAYS, 1)), byCoordinator(new AskVolunteerCommand(REQUEST, A1, AMIRA)))
                    .when(new ConfirmAssignmentCommand(REQUEST, A1), COORDINATOR.toMetaData())
                    .expectScheduledDeadline(Instant.parse("2026-12-02T08:00:00Z"), RequestDate.reminder(A1, LocalDate.of(2026, 12, 3)));
        }

        @Test
        void weekly_each_reminder_schedules_the_next() {
            timeComes(at(fixture, NOW).andGivenCommands(confirmedStory(THURSDAYS, 1)), Instant.parse("2026-12-02T08:00:00Z"))
                    .expectEvents(new AssignmentReminderDueEvent(REQUEST, A1, AMIRA, VIERSEN, LocalDate.of(2026, 12, 3),
                            Instant.parse("2026-12-03T14:00:00Z")))
                    .expectScheduledDeadline(Instant.parse("2026-12-09T08:00:00Z"), RequestDate.reminder(A1, LocalDate.of(2026, 12, 10)));
        }

        @Test
        void a_reminder_that_comes_too_late_records_nothing_but_the_next_one_still_comes() {
            TestExecutor<HelpRequest> given = at(fixture, NOW).andGivenCommands(confirmedStory(THURSDAYS, 1));
            // the scheduler was down: the deadline of 2 December fires after the occurrence of 3 December began
            clock.moveTo(Instant.parse("2026-12-03T16:00:00Z"));
            given.whenThenTimeAdvancesTo(Instant.parse("2026-12-02T08:00:00Z"))
                    .expectNoEvents()
                    .expectScheduledDeadline(Instant.parse("2026-12-09T08:00:00Z"), RequestDate.reminder(A1, LocalDate.of(2026, 12, 10)));
        }
    }

    @Nested
    class Unstaffed {

        @Test
        void opening_schedules_the_check_48_hours_before_the_first_start() {
            at(fixture, NOW).when(open(TUESDAY, 2), COORDINATOR.toMetaData())
                    .expectScheduledDeadline(TUESDAY_UNSTAFFED, RequestDate.unstaffed());
        }

        @Test
        void the_lead_time_is_configured() {
            at(fixture(72), NOW).when(open(TUESDAY, 2), COORDINATOR.toMetaData())
                    .expectScheduledDeadline(Instant.parse("2026-11-28T08:00:00Z"), RequestDate.unstaffed());
            assertThatThrownBy(() -> new StaffingDates(0)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("unstaffed-lead-hours");
        }

        @Test
        void a_request_opened_within_the_lead_time_is_not_escalated() {
            // the first Thursday is tomorrow, 15:00: less than 48 hours ahead
            at(fixture, NOW).when(open(THURSDAYS, 2), COORDINATOR.toMetaData())
                    .expectNoScheduledDeadlines();
        }

        @Test
        void fewer_confirmed_than_needed_is_told_by_the_platform_when_the_time_comes() {
            timeComes(at(fixture, NOW).andGivenCommands(confirmedStory(TUESDAY, 2)), TUESDAY_UNSTAFFED)
                    .expectEvents(new HelpRequestUnstaffedEvent(REQUEST, VIERSEN, TUESDAY_STARTS, 1, 2))
                    .expectEventsMatching(eventsSatisfying(events -> assertThat(events.get(0).getMetaData())
                            .containsEntry(Actor.ACCOUNT, "system").containsEntry(Actor.ROLE, "SYSTEM")));
        }

        @Test
        void nobody_confirmed_is_unstaffed_too() {
            timeComes(at(fixture, NOW).andGivenCommands(byCoordinator(open(TUESDAY, 1))), TUESDAY_UNSTAFFED)
                    .expectEvents(new HelpRequestUnstaffedEvent(REQUEST, VIERSEN, TUESDAY_STARTS, 0, 1));
        }

        @Test
        void a_staffed_request_is_not_escalated() {
            timeComes(at(fixture, NOW).andGivenCommands(confirmedStory(TUESDAY, 1)), TUESDAY_UNSTAFFED)
                    .expectNoEvents();
        }

        @Test
        void a_called_off_request_is_not_escalated() {
            timeComes(at(fixture, NOW).andGivenCommands(byCoordinator(open(TUESDAY, 2)),
                    byCoordinator(new CancelHelpRequestCommand(REQUEST, "Termin abgesagt"))), TUESDAY_UNSTAFFED)
                    .expectNoEvents();
        }

        @Test
        void it_is_told_once() {
            timeComes(at(fixture, NOW).andGivenCommands(byCoordinator(open(TUESDAY, 2)))
                            .andGiven(new HelpRequestUnstaffedEvent(REQUEST, VIERSEN, TUESDAY_STARTS, 0, 2)),
                    TUESDAY_UNSTAFFED)
                    .expectNoEvents();
        }

        @Test
        void a_weekly_request_whose_first_date_began_is_not_escalated_late() {
            // the scheduler was down: the check comes after the first Tuesday began; "starts soon" is no longer true
            Schedule tuesdays = Schedule.weekly(DECEMBER_1, LocalDate.of(2026, 12, 15), Set.of(DayOfWeek.TUESDAY),
                    LocalTime.of(9, 0), LocalTime.of(12, 0));
            TestExecutor<HelpRequest> given = at(fixture, NOW).andGivenCommands(byCoordinator(open(tuesdays, 2)));
            clock.moveTo(TUESDAY_STARTS.plusSeconds(60));
            given.whenThenTimeAdvancesTo(TUESDAY_UNSTAFFED).expectNoEvents();
        }

        @Test
        void a_request_whose_time_is_over_is_not_escalated_late() {
            TestExecutor<HelpRequest> given = at(fixture, NOW).andGivenCommands(byCoordinator(open(TUESDAY, 2)));
            clock.moveTo(TUESDAY_STARTS.plusSeconds(60));
            given.whenThenTimeAdvancesTo(TUESDAY_UNSTAFFED).expectNoEvents();
        }
    }

    /** Requests recorded before the dates existed get them once, from the platform (V53, HelpRequestDatesBackfill). */
    @Nested
    class RecordedBefore {

        private final AesGcmPersonalDataVault sealer = new AesGcmPersonalDataVault(new InMemoryKeyRing());

        /** An open request for two, Amira confirmed, as recorded before issue 19: events only, no deadline. */
        private TestExecutor<HelpRequest> recordedBefore(Object... more) {
            return recordedBeforeAt(NOW, more);
        }

        private TestExecutor<HelpRequest> recordedBeforeAt(Instant now, Object... more) {
            List<Object> events = new ArrayList<>(List.of(
                    new HelpRequestOpenedEvent(REQUEST, VIERSEN, ActivityCategory.ACCOMPANIMENT, Set.of("prs"), TUESDAY, 120,
                            "Viersen", sealer.sealText(REQUEST.subject(), "Ausländerbehörde"), 2,
                            sealer.sealText(REQUEST.subject(), "Familie Rahimi"), sealer.sealText(REQUEST.subject(), "0176 1234567"),
                            null, GRANT),
                    new VolunteerAskedEvent(REQUEST, A1, AMIRA, VIERSEN, TUESDAY),
                    new AssignmentConfirmedEvent(REQUEST, A1, AMIRA, VIERSEN, false)));
            events.addAll(List.of(more));
            return at(fixture, now).andGiven(events);
        }

        @Test
        void the_platform_schedules_the_unstaffed_check_and_the_confirmed_assignments_reminder() {
            recordedBefore()
                    .when(new ScheduleRequestDatesCommand(REQUEST), Actor.SYSTEM.toMetaData())
                    .expectNoEvents()
                    .expectScheduledDeadline(TUESDAY_UNSTAFFED, RequestDate.unstaffed())
                    .expectScheduledDeadline(TUESDAY_REMINDER, RequestDate.reminder(A1, DECEMBER_1));
        }

        @Test
        void an_escalation_already_recorded_is_not_scheduled_again() {
            recordedBefore(new HelpRequestUnstaffedEvent(REQUEST, VIERSEN, TUESDAY_STARTS, 1, 2))
                    .when(new ScheduleRequestDatesCommand(REQUEST), Actor.SYSTEM.toMetaData())
                    .expectNoEvents()
                    .expectScheduledDeadline(TUESDAY_REMINDER, RequestDate.reminder(A1, DECEMBER_1))
                    .expectNoScheduledDeadlineMatching(deadlineFor(RequestDate.unstaffed()));
        }

        @Test
        void a_cancelled_assignment_gets_no_reminder() {
            recordedBefore(new AssignmentCancelledEvent(REQUEST, A1, AMIRA, VIERSEN, true, null))
                    .when(new ScheduleRequestDatesCommand(REQUEST), Actor.SYSTEM.toMetaData())
                    .expectNoEvents()
                    .expectScheduledDeadline(TUESDAY_UNSTAFFED, RequestDate.unstaffed())
                    .expectNoScheduledDeadlineMatching(deadlineFor(RequestDate.reminder(A1, DECEMBER_1)));
        }

        @Test
        void a_request_after_its_unstaffed_check_time_gets_only_its_reminders() {
            recordedBeforeAt(TUESDAY_UNSTAFFED.plusSeconds(60))
                    .when(new ScheduleRequestDatesCommand(REQUEST), Actor.SYSTEM.toMetaData())
                    .expectNoEvents()
                    .expectScheduledDeadline(TUESDAY_REMINDER, RequestDate.reminder(A1, DECEMBER_1))
                    .expectNoScheduledDeadlineMatching(deadlineFor(RequestDate.unstaffed()));
        }

        @Test
        void a_called_off_request_gets_nothing() {
            recordedBefore(new HelpRequestCancelledEvent(REQUEST, VIERSEN, null))
                    .when(new ScheduleRequestDatesCommand(REQUEST), Actor.SYSTEM.toMetaData())
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        private static org.hamcrest.Matcher<? super org.axonframework.deadline.DeadlineMessage<?>> deadlineFor(RequestDate date) {
            return org.axonframework.test.matchers.Matchers.messageWithPayload(org.hamcrest.Matchers.equalTo(date));
        }

        @Test
        void only_the_platform_asks() {
            recordedBefore()
                    .when(new ScheduleRequestDatesCommand(REQUEST), COORDINATOR.toMetaData())
                    .expectException(nrw.komman.kernel.common.ForbiddenException.class)
                    .expectNoScheduledDeadlines();
        }
    }
}
