package nrw.komman.command.grant;

import nrw.komman.command.testing.FakeCentreRegistry;
import nrw.komman.command.testing.FakeProgrammeDatesRegistry;
import nrw.komman.command.testing.InMemoryGrantFiles;
import nrw.komman.command.testing.MovableClock;
import nrw.komman.command.testing.TestBudgets;
import nrw.komman.command.testing.TestClock;
import nrw.komman.kernel.budget.BudgetId;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.grant.ApplyForGrantCommand;
import nrw.komman.kernel.grant.ApproveGrantCommand;
import nrw.komman.kernel.grant.DecisionOverdueEvent;
import nrw.komman.kernel.grant.DisburseTrancheCommand;
import nrw.komman.kernel.grant.ExtendUsageReportDueCommand;
import nrw.komman.kernel.grant.GrantAppliedEvent;
import nrw.komman.kernel.grant.GrantApprovedEvent;
import nrw.komman.kernel.grant.GrantClosedEvent;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.GrantReviewedEvent;
import nrw.komman.kernel.grant.ProgrammeDates;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.kernel.grant.Recommendation;
import nrw.komman.kernel.grant.RejectGrantCommand;
import nrw.komman.kernel.grant.ReportTrancheSpentCommand;
import nrw.komman.kernel.grant.ReviewGrantCommand;
import nrw.komman.kernel.grant.ReviewOverdueEvent;
import nrw.komman.kernel.grant.ScheduleGrantDatesCommand;
import nrw.komman.kernel.grant.SubmitUsageReportCommand;
import nrw.komman.kernel.grant.TrancheDisbursedEvent;
import nrw.komman.kernel.grant.TrancheSpendingOverdueEvent;
import nrw.komman.kernel.grant.TrancheSpentReportedEvent;
import nrw.komman.kernel.grant.UsageReportDueExtendedEvent;
import nrw.komman.kernel.grant.UsageReportDueSoonEvent;
import nrw.komman.kernel.grant.UsageReportOverdueEvent;
import nrw.komman.kernel.grant.UsageReportSubmittedEvent;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static nrw.komman.command.testing.EventsSatisfying.eventsSatisfying;
import static nrw.komman.command.testing.Given.by;
import static nrw.komman.command.testing.Refusal.refused;
import static nrw.komman.command.testing.TestClock.TODAY;
import static nrw.komman.kernel.grant.ProgrammeDates.noticeAt;
import static nrw.komman.kernel.grant.ProgrammeDates.passedAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dates that matter in a grant (issue 19), as Axon deadlines: scheduled by the step that starts them, recorded as
 * the platform's fact when they pass, once, and only while they still apply. Today is 25 November 2026 (TestClock); the
 * fixture's time and the handlers' clock move together.
 */
class GrantDatesTest {

    private static final CentreId VIERSEN = new CentreId("05166");
    private static final CentreId KOELN = new CentreId("05315");
    private static final GrantId GRANT = new GrantId(java.util.UUID.fromString("3f1c2a7e-0000-4000-8000-000000000019"));
    private static final Money REQUESTED = Money.parse("12500.00");
    private static final Money TRANCHE = Money.parse("4000.00");

    private static final Actor COORDINATOR = Actor.coordinator("k.yilmaz", VIERSEN);
    private static final Actor OTHER_COORDINATOR = Actor.coordinator("a.becker", KOELN);
    private static final Actor OFFICER = Actor.of("b.officer", AccountRole.GRANT_OFFICER);
    private static final Actor MINISTER = Actor.of("m.schulz", AccountRole.MINISTRY);

    private static final Instant NOW = TestClock.CLOCK.instant();
    /** Applied today, 6 weeks to review (the default). */
    private static final LocalDate REVIEW_DUE = LocalDate.of(2027, 1, 6);
    /** Reviewed today, 4 weeks to decide (the default). */
    private static final LocalDate DECISION_DUE = LocalDate.of(2026, 12, 23);
    /** Funding year 2027, six months after it (the default); reminded four weeks before. */
    private static final LocalDate REPORT_DUE = LocalDate.of(2028, 6, 30);
    private static final LocalDate REMINDER_ON = LocalDate.of(2028, 6, 2);

    private AggregateTestFixture<Grant> fixture;
    private MovableClock clock;
    private FakeProgrammeDatesRegistry programmeDates;
    private TestBudgets budgets;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Grant.class);
        clock = new MovableClock(NOW);
        programmeDates = new FakeProgrammeDatesRegistry();
        budgets = new TestBudgets().set(BudgetId.of(2027, ProgrammePart.PART_II_A), "100000.00")
                .set(BudgetId.of(2026, ProgrammePart.PART_II_A), "100000.00");
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(new FakeCentreRegistry().established(VIERSEN, LocalDate.of(2019, 4, 1)));
        fixture.registerInjectableResource(budgets.ledger());
        fixture.registerInjectableResource(new InMemoryGrantFiles());
        fixture.registerInjectableResource(programmeDates);
    }

    // ---- the course of a grant, as commands (they schedule) and as recorded events (they do not)

    private static CommandMessage<?> as(Actor actor, Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(actor.toMetaData());
    }

    private static ApplyForGrantCommand apply(int year) {
        return new ApplyForGrantCommand(GRANT, VIERSEN, year, ProgrammePart.PART_II_A, "Ankommenstreffpunkt Viersen",
                "Wöchentlicher Treffpunkt", REQUESTED);
    }

    private static ReviewGrantCommand review() {
        return new ReviewGrantCommand(GRANT, Recommendation.APPROVE, "Plausibel");
    }

    private static GrantAppliedEvent applied(int year, LocalDate on) {
        return new GrantAppliedEvent(GRANT, VIERSEN, year, ProgrammePart.PART_II_A, "Ankommenstreffpunkt Viersen",
                "Wöchentlicher Treffpunkt", REQUESTED, on);
    }

    private static GrantReviewedEvent reviewed() {
        return new GrantReviewedEvent(GRANT, VIERSEN, Recommendation.APPROVE, "Plausibel");
    }

    private static GrantApprovedEvent approved(LocalDate due) {
        return new GrantApprovedEvent(GRANT, VIERSEN, REQUESTED, REQUESTED, null, TODAY, due);
    }

    /** Applied, reviewed and approved by commands, today: every date of the approval is scheduled. */
    private TestExecutor<Grant> approvedByCommands() {
        return at(NOW).andGivenCommands(as(COORDINATOR, apply(2027)), as(OFFICER, review()),
                as(MINISTER, new ApproveGrantCommand(GRANT, REQUESTED, null)));
    }

    /** Applied, reviewed and approved as recorded events: nothing scheduled. */
    private TestExecutor<Grant> approvedAsRecorded(LocalDate due) {
        return at(NOW).andGiven(by(COORDINATOR, applied(2027, TODAY)), by(OFFICER, reviewed()), by(MINISTER, approved(due)));
    }

    private TestExecutor<Grant> at(Instant instant) {
        clock.moveTo(instant);
        return fixture.givenCurrentTime(instant);
    }

    private org.axonframework.test.aggregate.ResultValidator<Grant> timeComes(TestExecutor<Grant> given, Instant instant) {
        clock.moveTo(instant);
        return given.whenThenTimeAdvancesTo(instant);
    }

    @Nested
    class Review {

        @Test
        void an_application_schedules_its_review_date_six_weeks_ahead_noticed_the_morning_after() {
            at(NOW).when(apply(2027), COORDINATOR.toMetaData())
                    .expectScheduledDeadline(passedAt(REVIEW_DUE), GrantDate.of(GrantDate.Kind.REVIEW, REVIEW_DUE));
            assertThat(passedAt(REVIEW_DUE)).isEqualTo(Instant.parse("2027-01-07T05:00:00Z"));
        }

        @Test
        void the_programme_parts_own_time_for_the_review_holds() {
            programmeDates.set(new ProgrammeDates(ProgrammePart.PART_II_A, 6, 4, 2, 4));
            LocalDate due = TODAY.plusWeeks(2);
            at(NOW).when(apply(2027), COORDINATOR.toMetaData())
                    .expectScheduledDeadline(passedAt(due), GrantDate.of(GrantDate.Kind.REVIEW, due));
        }

        @Test
        void an_application_not_reviewed_in_time_is_recorded_overdue_by_the_platform() {
            TestExecutor<Grant> given = at(NOW).andGivenCommands(as(COORDINATOR, apply(2027)));
            timeComes(given, passedAt(REVIEW_DUE))
                    .expectEvents(new ReviewOverdueEvent(GRANT, VIERSEN, TODAY, REVIEW_DUE, REVIEW_DUE.plusDays(1)))
                    .expectEventsMatching(eventsSatisfying(events -> assertThat(events.get(0).getMetaData())
                            .containsEntry(Actor.ACCOUNT, "system").containsEntry(Actor.ROLE, "SYSTEM")
                            .doesNotContainKey(Actor.CENTRE)));
        }

        @Test
        void the_last_day_for_the_review_is_not_yet_overdue() {
            TestExecutor<Grant> given = at(NOW).andGivenCommands(as(COORDINATOR, apply(2027)));
            timeComes(given, passedAt(REVIEW_DUE).minusSeconds(1)).expectNoEvents();
        }

        @Test
        void a_reviewed_application_is_not_review_overdue_but_waits_for_its_decision() {
            TestExecutor<Grant> given = at(NOW).andGivenCommands(as(COORDINATOR, apply(2027)), as(OFFICER, review()));
            timeComes(given, passedAt(REVIEW_DUE))
                    .expectEvents(new DecisionOverdueEvent(GRANT, VIERSEN, TODAY, DECISION_DUE, REVIEW_DUE.plusDays(1)));
        }
    }

    @Nested
    class Decision {

        @Test
        void a_review_schedules_the_decision_date_four_weeks_ahead() {
            at(NOW).andGiven(by(COORDINATOR, applied(2027, TODAY)))
                    .when(review(), OFFICER.toMetaData())
                    .expectScheduledDeadline(passedAt(DECISION_DUE), GrantDate.of(GrantDate.Kind.DECISION, DECISION_DUE));
        }

        @Test
        void a_decided_application_is_not_decision_overdue() {
            TestExecutor<Grant> rejected = at(NOW).andGivenCommands(as(COORDINATOR, apply(2027)), as(OFFICER, review()),
                    as(MINISTER, new RejectGrantCommand(GRANT, "Kein Bedarf")));
            timeComes(rejected, passedAt(REVIEW_DUE)).expectNoEvents();
        }

        @Test
        void the_decision_is_overdue_once_only_also_when_its_date_was_scheduled_twice() {
            TestExecutor<Grant> given = at(NOW).andGivenCommands(as(COORDINATOR, apply(2027)), as(OFFICER, review()),
                    as(Actor.SYSTEM, new ScheduleGrantDatesCommand(GRANT)));
            timeComes(given, passedAt(DECISION_DUE))
                    .expectEvents(new DecisionOverdueEvent(GRANT, VIERSEN, TODAY, DECISION_DUE, DECISION_DUE.plusDays(1)));
        }
    }

    @Nested
    class UsageReport {

        @Test
        void the_approval_records_the_default_due_date_and_schedules_the_reminder_and_its_passing() {
            at(NOW).andGiven(by(COORDINATOR, applied(2027, TODAY)), by(OFFICER, reviewed()))
                    .when(new ApproveGrantCommand(GRANT, REQUESTED, null), MINISTER.toMetaData())
                    .expectEvents(approved(REPORT_DUE))
                    .expectScheduledDeadline(noticeAt(REMINDER_ON), GrantDate.of(GrantDate.Kind.USAGE_REPORT_REMINDER, REPORT_DUE))
                    .expectScheduledDeadline(passedAt(REPORT_DUE), GrantDate.of(GrantDate.Kind.USAGE_REPORT, REPORT_DUE));
        }

        @Test
        void the_programme_parts_default_is_the_ministrys() {
            programmeDates.set(new ProgrammeDates(ProgrammePart.PART_II_A, 3, 2, 6, 4));
            LocalDate due = LocalDate.of(2028, 3, 31);
            at(NOW).andGiven(by(COORDINATOR, applied(2027, TODAY)), by(OFFICER, reviewed()))
                    .when(new ApproveGrantCommand(GRANT, REQUESTED, null), MINISTER.toMetaData())
                    .expectEvents(approved(due))
                    .expectScheduledDeadline(noticeAt(due.minusWeeks(2)), GrantDate.of(GrantDate.Kind.USAGE_REPORT_REMINDER, due));
        }

        @Test
        void the_approval_may_set_its_own_due_date_after_the_funding_year() {
            LocalDate due = LocalDate.of(2028, 1, 1);
            at(NOW).andGiven(by(COORDINATOR, applied(2027, TODAY)), by(OFFICER, reviewed()))
                    .when(new ApproveGrantCommand(GRANT, REQUESTED, null, due), MINISTER.toMetaData())
                    .expectEvents(approved(due))
                    .expectScheduledDeadline(passedAt(due), GrantDate.of(GrantDate.Kind.USAGE_REPORT, due));
        }

        @Test
        void a_due_date_within_the_funding_year_is_refused() {
            at(NOW).andGiven(by(COORDINATOR, applied(2027, TODAY)), by(OFFICER, reviewed()))
                    .when(new ApproveGrantCommand(GRANT, REQUESTED, null, LocalDate.of(2027, 12, 31)), MINISTER.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.usage-report-due.within-funding-year"))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
            assertThat(budgets.approved(BudgetId.of(2027, ProgrammePart.PART_II_A))).as("nothing approved")
                    .isIn(null, Money.ZERO);
        }

        @Test
        void a_due_date_in_the_past_is_refused() {
            // funding year 2025: 30 June 2026 is after the year and before today
            at(NOW).andGiven(by(COORDINATOR, applied(2025, LocalDate.of(2025, 3, 1))), by(OFFICER, reviewed()))
                    .when(new ApproveGrantCommand(GRANT, REQUESTED, null, LocalDate.of(2026, 6, 30)), MINISTER.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.usage-report-due.past"))
                    .expectNoEvents();
        }

        @Test
        void a_reminder_whose_day_has_passed_is_not_scheduled_but_the_due_date_is() {
            programmeDates.set(new ProgrammeDates(ProgrammePart.PART_II_A, 6, 12, 6, 4));
            LocalDate due = LocalDate.of(2027, 1, 5); // twelve weeks before it lies in October 2026
            at(NOW).andGiven(by(COORDINATOR, applied(2026, LocalDate.of(2026, 2, 1))), by(OFFICER, reviewed()))
                    .when(new ApproveGrantCommand(GRANT, REQUESTED, null, due), MINISTER.toMetaData())
                    .expectNoScheduledDeadline(noticeAt(due.minusWeeks(12)), GrantDate.of(GrantDate.Kind.USAGE_REPORT_REMINDER, due))
                    .expectScheduledDeadline(passedAt(due), GrantDate.of(GrantDate.Kind.USAGE_REPORT, due));
        }

        @Test
        void the_centre_is_reminded_on_the_reminder_day_once() {
            TestExecutor<Grant> given = approvedByCommands()
                    .andGivenCommands(as(Actor.SYSTEM, new ScheduleGrantDatesCommand(GRANT))); // every date twice
            timeComes(given, noticeAt(REMINDER_ON))
                    .expectEvents(new UsageReportDueSoonEvent(GRANT, VIERSEN, REPORT_DUE, REMINDER_ON));
        }

        @Test
        void a_report_not_submitted_by_its_due_date_is_recorded_overdue_once() {
            TestExecutor<Grant> given = approvedByCommands()
                    .andGivenCommands(as(Actor.SYSTEM, new ScheduleGrantDatesCommand(GRANT))); // every date twice
            // the fixture fires every date up to then at once, on the clock of the last day: the reminder then comes
            // after its due day (as after downtime) and is moot
            timeComes(given, passedAt(REPORT_DUE)).expectEvents(
                    new UsageReportOverdueEvent(GRANT, VIERSEN, REPORT_DUE, REPORT_DUE.plusDays(1)));
        }

        @Test
        void a_reminder_still_comes_on_the_due_day_itself() {
            timeComes(approvedByCommands(), noticeAt(REPORT_DUE)).expectEvents(
                    new UsageReportDueSoonEvent(GRANT, VIERSEN, REPORT_DUE, REPORT_DUE));
        }

        @Test
        void a_submitted_report_is_neither_reminded_nor_overdue() {
            TestExecutor<Grant> given = approvedByCommands()
                    .andGivenCommands(as(COORDINATOR, new SubmitUsageReportCommand(GRANT, Money.ZERO, "Nichts ausgegeben", 0)));
            timeComes(given, passedAt(REPORT_DUE)).expectNoEvents();
        }
    }

    @Nested
    class Extension {

        private static final LocalDate LATER = LocalDate.of(2028, 9, 30);

        private ExtendUsageReportDueCommand extendTo(LocalDate day) {
            return new ExtendUsageReportDueCommand(GRANT, day, "Personalwechsel im Zentrum");
        }

        @Test
        void the_grant_authority_moves_the_due_date_and_its_dates_follow() {
            approvedAsRecorded(REPORT_DUE)
                    .when(extendTo(LATER), OFFICER.toMetaData())
                    .expectEvents(new UsageReportDueExtendedEvent(GRANT, VIERSEN, REPORT_DUE, LATER, "Personalwechsel im Zentrum", TODAY))
                    .expectScheduledDeadline(noticeAt(LATER.minusWeeks(4)), GrantDate.of(GrantDate.Kind.USAGE_REPORT_REMINDER, LATER))
                    .expectScheduledDeadline(passedAt(LATER), GrantDate.of(GrantDate.Kind.USAGE_REPORT, LATER));
        }

        @Test
        void the_dates_of_the_old_due_date_record_nothing() {
            TestExecutor<Grant> given = approvedByCommands().andGivenCommands(as(OFFICER, extendTo(LATER)));
            timeComes(given, passedAt(REPORT_DUE)).expectNoEvents();
        }

        @Test
        void the_new_due_date_is_reminded_and_passes() {
            TestExecutor<Grant> given = approvedByCommands().andGivenCommands(as(OFFICER, extendTo(LATER)));
            timeComes(given, noticeAt(LATER.minusWeeks(4))).expectEvents(
                    new UsageReportDueSoonEvent(GRANT, VIERSEN, LATER, LATER.minusWeeks(4)));
        }

        @Test
        void the_new_due_date_passes() {
            TestExecutor<Grant> given = approvedByCommands().andGivenCommands(as(OFFICER, extendTo(LATER)));
            timeComes(given, passedAt(LATER)).expectEvents(new UsageReportOverdueEvent(GRANT, VIERSEN, LATER, LATER.plusDays(1)));
        }

        @Test
        void an_approval_recorded_before_due_dates_existed_is_due_on_the_default() {
            approvedAsRecorded(null)
                    .when(extendTo(LATER), OFFICER.toMetaData())
                    .expectEvents(new UsageReportDueExtendedEvent(GRANT, VIERSEN, REPORT_DUE, LATER, "Personalwechsel im Zentrum", TODAY));
        }

        @Test
        void an_earlier_day_after_the_funding_year_is_possible() {
            approvedAsRecorded(REPORT_DUE).when(extendTo(LocalDate.of(2028, 1, 1)), OFFICER.toMetaData())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void an_overdue_report_can_still_be_given_more_time() {
            LocalDate due = LocalDate.of(2026, 6, 30);
            at(NOW).andGiven(by(COORDINATOR, applied(2025, LocalDate.of(2025, 3, 1))), by(OFFICER, reviewed()),
                            by(MINISTER, new GrantApprovedEvent(GRANT, VIERSEN, REQUESTED, REQUESTED, null, LocalDate.of(2025, 4, 1), due)),
                            new UsageReportOverdueEvent(GRANT, VIERSEN, due, due.plusDays(1)))
                    .when(extendTo(LocalDate.of(2026, 12, 31)), OFFICER.toMetaData())
                    .expectEvents(new UsageReportDueExtendedEvent(GRANT, VIERSEN, due, LocalDate.of(2026, 12, 31),
                            "Personalwechsel im Zentrum", TODAY));
        }

        @Test
        void only_the_grant_authority_extends() {
            approvedAsRecorded(REPORT_DUE).when(extendTo(LATER), MINISTER.toMetaData())
                    .expectException(refused(ForbiddenException.class, "grant.extend-due.forbidden")).expectNoEvents();
            approvedAsRecorded(REPORT_DUE).when(extendTo(LATER), COORDINATOR.toMetaData())
                    .expectException(refused(ForbiddenException.class, "grant.extend-due.forbidden")).expectNoEvents();
        }

        @Test
        void not_to_a_day_in_the_past() {
            approvedAsRecorded(REPORT_DUE).when(extendTo(TODAY.minusDays(1)), OFFICER.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.extend-due.past"))
                    .expectNoEvents().expectNoScheduledDeadlines();
        }

        @Test
        void not_to_a_day_within_the_funding_year() {
            approvedAsRecorded(REPORT_DUE).when(extendTo(LocalDate.of(2027, 12, 31)), OFFICER.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.usage-report-due.within-funding-year"))
                    .expectNoEvents();
        }

        @Test
        void not_to_the_day_already_in_force() {
            approvedAsRecorded(REPORT_DUE).when(extendTo(REPORT_DUE), OFFICER.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.extend-due.unchanged")).expectNoEvents();
        }

        @Test
        void only_while_the_grant_is_approved_and_the_report_outstanding() {
            at(NOW).andGiven(by(COORDINATOR, applied(2027, TODAY)), by(OFFICER, reviewed()))
                    .when(extendTo(LATER), OFFICER.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.not-approved"));
            approvedAsRecorded(REPORT_DUE)
                    .andGiven(by(COORDINATOR, new UsageReportSubmittedEvent(GRANT, VIERSEN, Money.ZERO, Money.ZERO, "Bericht", 3, TODAY)))
                    .when(extendTo(LATER), OFFICER.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.usage-reported"));
        }

        @Test
        void a_reason_is_required() {
            assertThatThrownBy(() -> new ExtendUsageReportDueCommand(GRANT, LATER, "  "))
                    .isInstanceOf(InvalidInputException.class);
        }
    }

    @Nested
    class Tranches {

        private static final LocalDate DISBURSED_ON = TODAY;
        private static final LocalDate SPENDING_DUE = LocalDate.of(2027, 1, 25);

        private TestExecutor<Grant> disbursed() {
            return approvedAsRecorded(REPORT_DUE)
                    .andGivenCommands(as(OFFICER, new DisburseTrancheCommand(GRANT, TRANCHE, DISBURSED_ON)));
        }

        private TrancheDisbursedEvent disbursement() {
            return new TrancheDisbursedEvent(GRANT, VIERSEN, 1, TRANCHE, DISBURSED_ON, Money.ZERO, TRANCHE);
        }

        @Test
        void a_disbursement_schedules_its_spending_two_months_later() {
            approvedAsRecorded(REPORT_DUE)
                    .when(new DisburseTrancheCommand(GRANT, TRANCHE, DISBURSED_ON), OFFICER.toMetaData())
                    .expectScheduledDeadline(passedAt(SPENDING_DUE), GrantDate.tranche(1, SPENDING_DUE));
        }

        @Test
        void money_not_reported_as_spent_in_two_months_is_recorded_overdue() {
            timeComes(disbursed(), passedAt(SPENDING_DUE)).expectEvents(new TrancheSpendingOverdueEvent(GRANT, VIERSEN, 1,
                    TRANCHE, DISBURSED_ON, SPENDING_DUE, SPENDING_DUE.plusDays(1)));
        }

        @Test
        void money_reported_as_spent_is_not_overdue() {
            TestExecutor<Grant> given = disbursed().andGivenCommands(as(COORDINATOR, new ReportTrancheSpentCommand(GRANT, 1)));
            timeComes(given, passedAt(SPENDING_DUE)).expectNoEvents();
        }

        @Test
        void the_centre_reports_a_tranche_as_spent_once() {
            approvedAsRecorded(REPORT_DUE).andGiven(by(OFFICER, disbursement()))
                    .when(new ReportTrancheSpentCommand(GRANT, 1), COORDINATOR.toMetaData())
                    .expectEvents(new TrancheSpentReportedEvent(GRANT, VIERSEN, 1, TODAY));
            approvedAsRecorded(REPORT_DUE).andGiven(by(OFFICER, disbursement()),
                            by(COORDINATOR, new TrancheSpentReportedEvent(GRANT, VIERSEN, 1, TODAY)))
                    .when(new ReportTrancheSpentCommand(GRANT, 1), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.tranche.already-reported"));
        }

        @Test
        void only_a_tranche_that_was_disbursed() {
            approvedAsRecorded(REPORT_DUE).andGiven(by(OFFICER, disbursement()))
                    .when(new ReportTrancheSpentCommand(GRANT, 2), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.tranche.unknown")).expectNoEvents();
        }

        @Test
        void only_the_centres_coordinators_report() {
            approvedAsRecorded(REPORT_DUE).andGiven(by(OFFICER, disbursement()))
                    .when(new ReportTrancheSpentCommand(GRANT, 1), OTHER_COORDINATOR.toMetaData())
                    .expectException(refused(ForbiddenException.class, "grant.tranche-spent.forbidden"));
            approvedAsRecorded(REPORT_DUE).andGiven(by(OFFICER, disbursement()))
                    .when(new ReportTrancheSpentCommand(GRANT, 1), OFFICER.toMetaData())
                    .expectException(refused(ForbiddenException.class, "grant.tranche-spent.forbidden"));
        }

        @Test
        void after_the_usage_report_no_tranche_is_late() {
            UsageReportSubmittedEvent report = new UsageReportSubmittedEvent(GRANT, VIERSEN, TRANCHE, TRANCHE, "Bericht", 3, TODAY);
            timeComes(disbursed().andGiven(by(COORDINATOR, report)), passedAt(SPENDING_DUE)).expectNoEvents();
        }

        @Test
        void while_the_grant_runs_also_after_its_usage_report_but_not_once_closed() {
            UsageReportSubmittedEvent report = new UsageReportSubmittedEvent(GRANT, VIERSEN, TRANCHE, TRANCHE, "Bericht", 3, TODAY);
            approvedAsRecorded(REPORT_DUE).andGiven(by(OFFICER, disbursement()), by(COORDINATOR, report))
                    .when(new ReportTrancheSpentCommand(GRANT, 1), COORDINATOR.toMetaData())
                    .expectSuccessfulHandlerExecution();
            approvedAsRecorded(REPORT_DUE).andGiven(by(OFFICER, disbursement()), by(COORDINATOR, report),
                            by(OFFICER, new GrantClosedEvent(GRANT, VIERSEN, TRANCHE, TRANCHE, Money.ZERO, "geprüft", TODAY)))
                    .when(new ReportTrancheSpentCommand(GRANT, 1), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.closed"));
        }
    }

    @Nested
    class Backfill {

        @Test
        void only_the_platform_schedules_the_dates_of_a_grant() {
            approvedAsRecorded(REPORT_DUE).when(new ScheduleGrantDatesCommand(GRANT), MINISTER.toMetaData())
                    .expectException(refused(ForbiddenException.class, "grant.dates.forbidden"));
            approvedAsRecorded(REPORT_DUE).when(new ScheduleGrantDatesCommand(GRANT), COORDINATOR.toMetaData())
                    .expectException(refused(ForbiddenException.class, "grant.dates.forbidden"));
        }

        @Test
        void an_application_gets_its_review_date_from_the_day_it_was_received() {
            LocalDate appliedOn = LocalDate.of(2026, 11, 2);
            at(NOW).andGiven(by(COORDINATOR, applied(2027, appliedOn)))
                    .when(new ScheduleGrantDatesCommand(GRANT), Actor.SYSTEM.toMetaData())
                    .expectNoEvents()
                    .expectScheduledDeadline(passedAt(appliedOn.plusWeeks(6)), GrantDate.of(GrantDate.Kind.REVIEW, appliedOn.plusWeeks(6)));
        }

        @Test
        void an_approved_grant_of_before_gets_its_default_due_date_and_its_unreported_tranches() {
            LocalDate disbursedOn = LocalDate.of(2026, 10, 1);
            approvedAsRecorded(null)
                    .andGiven(by(OFFICER, new TrancheDisbursedEvent(GRANT, VIERSEN, 1, TRANCHE, disbursedOn, Money.ZERO, TRANCHE)))
                    .when(new ScheduleGrantDatesCommand(GRANT), Actor.SYSTEM.toMetaData())
                    .expectNoEvents()
                    .expectScheduledDeadline(noticeAt(REMINDER_ON), GrantDate.of(GrantDate.Kind.USAGE_REPORT_REMINDER, REPORT_DUE))
                    .expectScheduledDeadline(passedAt(REPORT_DUE), GrantDate.of(GrantDate.Kind.USAGE_REPORT, REPORT_DUE))
                    .expectScheduledDeadline(passedAt(LocalDate.of(2026, 12, 1)), GrantDate.tranche(1, LocalDate.of(2026, 12, 1)));
        }

        @Test
        void a_tranche_whose_two_months_ended_before_the_dates_existed_is_not_made_late() {
            LocalDate longAgo = TODAY.minusMonths(5);
            approvedAsRecorded(null)
                    .andGiven(by(OFFICER, new TrancheDisbursedEvent(GRANT, VIERSEN, 1, TRANCHE, longAgo, Money.ZERO, TRANCHE)))
                    .when(new ScheduleGrantDatesCommand(GRANT), Actor.SYSTEM.toMetaData())
                    .expectNoEvents()
                    .expectNoScheduledDeadline(passedAt(ProgrammeDates.spendingDueOn(longAgo)),
                            GrantDate.tranche(1, ProgrammeDates.spendingDueOn(longAgo)));
        }

        @Test
        void a_date_already_past_is_recorded_at_once() {
            // funding year 2025, approved before due dates existed: due on 30 June 2026, long past
            LocalDate due = LocalDate.of(2026, 6, 30);
            TestExecutor<Grant> given = at(NOW).andGiven(by(COORDINATOR, applied(2025, LocalDate.of(2025, 3, 1))),
                            by(OFFICER, reviewed()),
                            by(MINISTER, new GrantApprovedEvent(GRANT, VIERSEN, REQUESTED, REQUESTED, null, LocalDate.of(2025, 4, 1))))
                    .andGivenCommands(as(Actor.SYSTEM, new ScheduleGrantDatesCommand(GRANT)));
            timeComes(given, NOW.plusSeconds(1)).expectEvents(new UsageReportOverdueEvent(GRANT, VIERSEN, due, TODAY));
        }

        @Test
        void a_closed_grant_has_no_dates_ahead() {
            approvedAsRecorded(REPORT_DUE)
                    .andGiven(by(COORDINATOR, new UsageReportSubmittedEvent(GRANT, VIERSEN, Money.ZERO, Money.ZERO, "Bericht", 3, TODAY)),
                            by(OFFICER, new GrantClosedEvent(GRANT, VIERSEN, Money.ZERO, Money.ZERO, Money.ZERO, "geprüft", TODAY)))
                    .when(new ScheduleGrantDatesCommand(GRANT), Actor.SYSTEM.toMetaData())
                    .expectNoEvents().expectNoScheduledDeadlines();
        }
    }

    @Test
    void a_grants_date_survives_the_serializer_as_it_is() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules();
        GrantDate date = GrantDate.tranche(2, LocalDate.of(2027, 1, 20));
        assertThat(json.readValue(json.writeValueAsString(date), GrantDate.class)).isEqualTo(date);
    }
}
