package nrw.komman.command.grant;

import nrw.komman.command.testing.FakeCentreRegistry;
import nrw.komman.command.testing.FakeProgrammeDatesRegistry;
import nrw.komman.command.testing.InMemoryGrantFiles;
import nrw.komman.command.testing.TestBudgets;
import nrw.komman.kernel.budget.BudgetId;
import nrw.komman.command.testing.TestClock;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.grant.AmendGrantCommand;
import nrw.komman.kernel.grant.AmendmentOutcome;
import nrw.komman.kernel.grant.CloseGrantCommand;
import nrw.komman.kernel.grant.DisburseTrancheCommand;
import nrw.komman.kernel.grant.FundsRequestedEvent;
import nrw.komman.kernel.grant.GrantAmendedEvent;
import nrw.komman.kernel.grant.GrantClosedEvent;
import nrw.komman.kernel.grant.RecordRepaymentCommand;
import nrw.komman.kernel.grant.RepaymentReceivedEvent;
import nrw.komman.kernel.grant.RequestFundsCommand;
import nrw.komman.kernel.grant.SubmitUsageReportCommand;
import nrw.komman.kernel.grant.TrancheDisbursedEvent;
import nrw.komman.kernel.grant.UsageReportSubmittedEvent;
import nrw.komman.kernel.grant.ApplyForGrantCommand;
import nrw.komman.kernel.grant.ApproveGrantCommand;
import nrw.komman.kernel.grant.ApproveGrantRaiseCommand;
import nrw.komman.kernel.grant.GrantRaiseProposedEvent;
import nrw.komman.kernel.grant.GrantRaiseWithdrawnEvent;
import nrw.komman.kernel.grant.WithdrawGrantRaiseCommand;
import nrw.komman.kernel.grant.GrantAppliedEvent;
import nrw.komman.kernel.grant.GrantApprovedEvent;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.GrantRejectedEvent;
import nrw.komman.kernel.grant.GrantReviewedEvent;
import nrw.komman.kernel.grant.GrantStatus;
import nrw.komman.kernel.grant.GrantWithdrawnEvent;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.kernel.grant.Recommendation;
import nrw.komman.kernel.grant.RejectGrantCommand;
import nrw.komman.kernel.grant.ReviewGrantCommand;
import nrw.komman.kernel.grant.WithdrawGrantApplicationCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static nrw.komman.command.testing.EventsSatisfying.eventsSatisfying;
import static nrw.komman.command.testing.Given.by;
import static nrw.komman.command.testing.Refusal.refused;
import static nrw.komman.command.testing.TestClock.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

class GrantTest {

    private static final CentreId VIERSEN = new CentreId("05166");
    private static final CentreId KOELN = new CentreId("05315");
    private static final GrantId GRANT = new GrantId(java.util.UUID.fromString("3f1c2a7e-0000-4000-8000-000000000001"));
    private static final Money REQUESTED = Money.parse("12500.00");
    /** Funding year 2027, the default of the programme part: six months after the year (issue 19). */
    private static final LocalDate DEFAULT_USAGE_REPORT_DUE = LocalDate.of(2028, 6, 30);

    private static final Actor COORDINATOR = Actor.coordinator("k.yilmaz", VIERSEN);
    private static final Actor OTHER_COORDINATOR = Actor.coordinator("a.becker", KOELN);
    private static final Actor OFFICER = Actor.of("b.officer", AccountRole.GRANT_OFFICER);
    private static final Actor MINISTER = Actor.of("m.schulz", AccountRole.MINISTRY);

    private static final BudgetId BUDGET_2027 = BudgetId.of(2027, ProgrammePart.PART_II_A);
    private static final BudgetId VIERSEN_SHARE = BudgetId.of(2027, ProgrammePart.PART_II_A, VIERSEN);

    private AggregateTestFixture<Grant> fixture;
    private FakeCentreRegistry centres;
    private TestBudgets budgets;
    private InMemoryGrantFiles grantFiles;

    @BeforeEach
    void setUp() {
        centres = new FakeCentreRegistry().established(VIERSEN, LocalDate.of(2019, 4, 1));
        fixture = new AggregateTestFixture<>(Grant.class);
        fixture.registerInjectableResource(TestClock.CLOCK);
        fixture.registerInjectableResource(centres);
        budgets = new TestBudgets().set(BUDGET_2027, "100000.00");
        fixture.registerInjectableResource(budgets.ledger());
        grantFiles = new InMemoryGrantFiles();
        fixture.registerInjectableResource(grantFiles);
        fixture.registerInjectableResource(new FakeProgrammeDatesRegistry());
    }

    private static ApplyForGrantCommand application(int fundingYear) {
        return new ApplyForGrantCommand(GRANT, VIERSEN, fundingYear, ProgrammePart.PART_II_A,
                "Ankommenstreffpunkt Viersen", "Wöchentlicher Treffpunkt mit Sprachcafé", REQUESTED);
    }

    private static GrantAppliedEvent applied() {
        return new GrantAppliedEvent(GRANT, VIERSEN, 2027, ProgrammePart.PART_II_A, "Ankommenstreffpunkt Viersen",
                "Wöchentlicher Treffpunkt mit Sprachcafé", REQUESTED, TODAY);
    }

    private static GrantReviewedEvent reviewed() {
        return new GrantReviewedEvent(GRANT, VIERSEN, Recommendation.APPROVE, "Plausibel, Kostenplan vollständig");
    }

    /** Applied by the coordinator, reviewed by the grant officer: ready for the ministry's decision. */
    private TestExecutor<Grant> givenReviewed() {
        return fixture.given(by(COORDINATOR, applied()), by(OFFICER, reviewed()));
    }

    @Nested
    class Application {

        @Test
        void a_coordinator_applies_for_a_grant_for_their_centre_today() {
            fixture.givenNoPriorActivity()
                    .when(application(2027), COORDINATOR.toMetaData())
                    .expectEvents(applied())
                    .expectState(grant -> assertThat(grant.facts())
                            .isEqualTo(new GrantRegistry.GrantFacts(GRANT, VIERSEN, 2027, GrantStatus.APPLIED)));
        }

        @Test
        void the_platform_applies_when_seeding() {
            fixture.givenNoPriorActivity()
                    .when(application(2027), Actor.SYSTEM.toMetaData())
                    .expectEvents(applied());
        }

        @Test
        void the_application_event_says_who_applied() {
            fixture.givenNoPriorActivity()
                    .when(application(2027), COORDINATOR.toMetaData())
                    .expectEventsMatching(eventsSatisfying(events -> assertThat(events.get(0).getMetaData())
                            .containsEntry(Actor.ACCOUNT, "k.yilmaz")
                            .containsEntry(Actor.ROLE, "COORDINATOR")
                            .containsEntry(Actor.CENTRE, "05166")));
        }

        @Test
        void a_coordinator_of_another_centre_cannot_apply() {
            fixture.givenNoPriorActivity()
                    .when(application(2027), OTHER_COORDINATOR.toMetaData())
                    .expectException(refused(ForbiddenException.class, "grant.apply.forbidden"))
                    .expectNoEvents();
        }

        @Test
        void the_grant_authority_and_the_ministry_do_not_apply() {
            fixture.givenNoPriorActivity()
                    .when(application(2027), OFFICER.toMetaData())
                    .expectException(refused(ForbiddenException.class, "grant.apply.forbidden"));
            fixture.givenNoPriorActivity()
                    .when(application(2027), MINISTER.toMetaData())
                    .expectException(refused(ForbiddenException.class, "grant.apply.forbidden"));
        }

        @Test
        void a_centre_that_is_not_established_cannot_apply() {
            Actor koeln = Actor.coordinator("a.becker", KOELN);
            fixture.givenNoPriorActivity()
                    .when(new ApplyForGrantCommand(GRANT, KOELN, 2027, ProgrammePart.PART_I, "Titel", "Zweck", REQUESTED),
                            koeln.toMetaData())
                    .expectException(refused(RuleViolationException.class, "centre.not-established"))
                    .expectNoEvents();
        }

        @Test
        void a_closed_centre_cannot_apply() {
            centres.closed(VIERSEN, LocalDate.of(2019, 4, 1), TODAY);
            fixture.givenNoPriorActivity()
                    .when(application(2027), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "centre.closed"))
                    .expectNoEvents();
        }

        @Test
        void no_application_for_a_funding_year_that_has_ended() {
            fixture.givenNoPriorActivity()
                    .when(application(2025), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.funding-year-ended"))
                    .expectNoEvents();
        }

        @Test
        void an_application_for_the_current_funding_year_is_still_possible() {
            fixture.givenNoPriorActivity()
                    .when(application(2026), COORDINATOR.toMetaData())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void the_year_ends_at_midnight_in_berlin_not_in_utc() {
            // 23:30 UTC on 31 December is already 1 January in Berlin
            Clock newYearsNight = Clock.fixed(Instant.parse("2026-12-31T23:30:00Z"), ZoneOffset.UTC);
            AggregateTestFixture<Grant> newYear = new AggregateTestFixture<>(Grant.class);
            newYear.registerInjectableResource(newYearsNight);
            newYear.registerInjectableResource(centres);
            newYear.registerInjectableResource(new FakeProgrammeDatesRegistry());
            newYear.givenNoPriorActivity()
                    .when(application(2026), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.funding-year-ended"));
        }
    }

    @Nested
    class Review {

        @Test
        void the_grant_authority_reviews_an_application() {
            fixture.given(by(COORDINATOR, applied()))
                    .when(new ReviewGrantCommand(GRANT, Recommendation.APPROVE, "Plausibel, Kostenplan vollständig"),
                            OFFICER.toMetaData())
                    .expectEvents(reviewed());
        }

        @Test
        void only_the_grant_authority_reviews() {
            ReviewGrantCommand review = new ReviewGrantCommand(GRANT, Recommendation.APPROVE, "ok");
            for (Actor actor : new Actor[]{MINISTER, COORDINATOR, Actor.SYSTEM, Actor.of("audit", AccountRole.AUDITOR)}) {
                fixture.given(by(COORDINATOR, applied()))
                        .when(review, actor.toMetaData())
                        .expectException(refused(ForbiddenException.class, "grant.review.forbidden"))
                        .expectNoEvents();
            }
        }

        @Test
        void an_application_is_reviewed_only_once() {
            givenReviewed()
                    .when(new ReviewGrantCommand(GRANT, Recommendation.REJECT, "Doch nicht"), Actor.of("c.officer", AccountRole.GRANT_OFFICER).toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.already-reviewed"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Approval {

        @Test
        void the_ministry_approves_a_reviewed_grant_up_to_the_requested_amount() {
            givenReviewed()
                    .when(new ApproveGrantCommand(GRANT, REQUESTED, "Bewilligt wie beantragt"), MINISTER.toMetaData())
                    .expectEvents(new GrantApprovedEvent(GRANT, VIERSEN, REQUESTED, REQUESTED, "Bewilligt wie beantragt", TODAY,
                            DEFAULT_USAGE_REPORT_DUE))
                    .expectState(grant -> assertThat(grant.facts().isApproved()).isTrue());
        }

        @Test
        void the_ministry_may_approve_less_than_requested() {
            Money less = Money.parse("10000.00");
            givenReviewed()
                    .when(new ApproveGrantCommand(GRANT, less, null), MINISTER.toMetaData())
                    .expectEvents(new GrantApprovedEvent(GRANT, VIERSEN, REQUESTED, less, null, TODAY, DEFAULT_USAGE_REPORT_DUE));
        }

        @Test
        void the_approved_amount_never_exceeds_the_requested_amount() {
            givenReviewed()
                    .when(new ApproveGrantCommand(GRANT, Money.parse("12500.01"), null), MINISTER.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.approved-exceeds-requested"))
                    .expectExceptionMessage("Der bewilligte Betrag (12.500,01 €) darf den beantragten Betrag (12.500,00 €) nicht übersteigen.")
                    .expectNoEvents();
        }

        @Test
        void only_the_ministry_approves() {
            for (Actor actor : new Actor[]{Actor.of("c.officer", AccountRole.GRANT_OFFICER), COORDINATOR, Actor.SYSTEM}) {
                givenReviewed()
                        .when(new ApproveGrantCommand(GRANT, REQUESTED, null), actor.toMetaData())
                        .expectException(refused(ForbiddenException.class, "grant.decision.forbidden"))
                        .expectNoEvents();
            }
        }

        @Test
        void an_application_that_was_not_reviewed_is_not_approved() {
            fixture.given(by(COORDINATOR, applied()))
                    .when(new ApproveGrantCommand(GRANT, REQUESTED, null), MINISTER.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.not-reviewed"))
                    .expectNoEvents();
        }

        @Test
        void an_approver_who_reviewed_the_grant_is_refused() {
            // the same person, once as grant officer and now with the ministry's role
            givenReviewed()
                    .when(new ApproveGrantCommand(GRANT, REQUESTED, null), Actor.of("b.officer", AccountRole.MINISTRY).toMetaData())
                    .expectException(refused(ForbiddenException.class, "grant.four-eyes"))
                    .expectNoEvents();
        }

        @Test
        void an_approver_who_applied_for_the_grant_is_refused() {
            givenReviewed()
                    .when(new ApproveGrantCommand(GRANT, REQUESTED, null), Actor.of("K.Yilmaz", AccountRole.MINISTRY).toMetaData())
                    .expectException(refused(ForbiddenException.class, "grant.four-eyes"))
                    .expectNoEvents();
        }

        @Test
        void without_a_recorded_applicant_the_four_eyes_rule_cannot_be_checked_and_the_decision_is_refused() {
            fixture.given(applied(), by(OFFICER, reviewed()))
                    .when(new ApproveGrantCommand(GRANT, REQUESTED, null), MINISTER.toMetaData())
                    .expectException(refused(ForbiddenException.class, "grant.four-eyes.unverifiable"))
                    .expectNoEvents();
        }

        @Test
        void a_centre_closed_meanwhile_gets_no_grant_decision() {
            centres.closed(VIERSEN, LocalDate.of(2019, 4, 1), TODAY);
            givenReviewed()
                    .when(new ApproveGrantCommand(GRANT, REQUESTED, null), MINISTER.toMetaData())
                    .expectException(refused(RuleViolationException.class, "centre.closed"))
                    .expectNoEvents();
            assertThat(budgets.approved(BUDGET_2027)).isEqualTo(Money.ZERO);
            // the application is still rejected, with a reason
            givenReviewed()
                    .when(new RejectGrantCommand(GRANT, "Zentrum geschlossen"), MINISTER.toMetaData())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void a_grant_is_approved_only_once() {
            givenReviewed()
                    .andGiven(by(MINISTER, new GrantApprovedEvent(GRANT, VIERSEN, REQUESTED, REQUESTED, null, TODAY)))
                    .when(new ApproveGrantCommand(GRANT, REQUESTED, null), Actor.of("n.other", AccountRole.MINISTRY).toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.already-approved"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Rejection {

        @Test
        void the_ministry_rejects_a_reviewed_grant_with_a_reason() {
            givenReviewed()
                    .when(new RejectGrantCommand(GRANT, "Maßnahme bereits anderweitig gefördert"), MINISTER.toMetaData())
                    .expectEvents(new GrantRejectedEvent(GRANT, VIERSEN, "Maßnahme bereits anderweitig gefördert"));
        }

        @Test
        void only_the_ministry_rejects() {
            givenReviewed()
                    .when(new RejectGrantCommand(GRANT, "nein"), Actor.of("c.officer", AccountRole.GRANT_OFFICER).toMetaData())
                    .expectException(refused(ForbiddenException.class, "grant.decision.forbidden"))
                    .expectNoEvents();
        }

        @Test
        void a_rejecter_who_reviewed_the_grant_is_refused() {
            givenReviewed()
                    .when(new RejectGrantCommand(GRANT, "nein"), Actor.of("b.officer", AccountRole.MINISTRY).toMetaData())
                    .expectException(refused(ForbiddenException.class, "grant.four-eyes"))
                    .expectNoEvents();
        }

        @Test
        void a_rejecter_who_applied_for_the_grant_is_refused() {
            givenReviewed()
                    .when(new RejectGrantCommand(GRANT, "nein"), Actor.of("k.yilmaz", AccountRole.MINISTRY).toMetaData())
                    .expectException(refused(ForbiddenException.class, "grant.four-eyes"))
                    .expectNoEvents();
        }

        @Test
        void an_application_that_was_not_reviewed_is_not_rejected() {
            fixture.given(by(COORDINATOR, applied()))
                    .when(new RejectGrantCommand(GRANT, "nein"), MINISTER.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.not-reviewed"))
                    .expectNoEvents();
        }

        @Test
        void an_approved_grant_is_not_rejected_afterwards() {
            givenReviewed()
                    .andGiven(by(MINISTER, new GrantApprovedEvent(GRANT, VIERSEN, REQUESTED, REQUESTED, null, TODAY)))
                    .when(new RejectGrantCommand(GRANT, "nein"), Actor.of("n.other", AccountRole.MINISTRY).toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.already-approved"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Withdrawal {

        @Test
        void the_centre_withdraws_an_application_before_the_review() {
            fixture.given(by(COORDINATOR, applied()))
                    .when(new WithdrawGrantApplicationCommand(GRANT, "Maßnahme entfällt"), COORDINATOR.toMetaData())
                    .expectEvents(new GrantWithdrawnEvent(GRANT, VIERSEN, "Maßnahme entfällt"));
        }

        @Test
        void the_centre_withdraws_a_reviewed_application_before_the_decision() {
            givenReviewed()
                    .when(new WithdrawGrantApplicationCommand(GRANT, "Maßnahme entfällt"), Actor.coordinator("l.weber", VIERSEN).toMetaData())
                    .expectEvents(new GrantWithdrawnEvent(GRANT, VIERSEN, "Maßnahme entfällt"));
        }

        @Test
        void the_platform_withdraws_when_seeding() {
            fixture.given(by(Actor.SYSTEM, applied()))
                    .when(new WithdrawGrantApplicationCommand(GRANT, "Demodaten"), Actor.SYSTEM.toMetaData())
                    .expectEvents(new GrantWithdrawnEvent(GRANT, VIERSEN, "Demodaten"));
        }

        @Test
        void a_coordinator_of_another_centre_cannot_withdraw() {
            fixture.given(by(COORDINATOR, applied()))
                    .when(new WithdrawGrantApplicationCommand(GRANT, "weg"), OTHER_COORDINATOR.toMetaData())
                    .expectException(refused(ForbiddenException.class, "grant.withdraw.forbidden"))
                    .expectNoEvents();
        }

        @Test
        void the_ministry_and_the_grant_authority_do_not_withdraw_a_centres_application() {
            for (Actor actor : new Actor[]{MINISTER, OFFICER}) {
                fixture.given(by(COORDINATOR, applied()))
                        .when(new WithdrawGrantApplicationCommand(GRANT, "weg"), actor.toMetaData())
                        .expectException(refused(ForbiddenException.class, "grant.withdraw.forbidden"))
                        .expectNoEvents();
            }
        }

        @Test
        void an_approved_grant_is_not_withdrawn() {
            givenReviewed()
                    .andGiven(by(MINISTER, new GrantApprovedEvent(GRANT, VIERSEN, REQUESTED, REQUESTED, null, TODAY)))
                    .when(new WithdrawGrantApplicationCommand(GRANT, "zu spät"), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.already-approved"))
                    .expectNoEvents();
        }
    }

    @Nested
    class AfterTheEnd {

        @Test
        void nothing_happens_to_a_rejected_grant() {
            Object[] attempts = {
                    new ReviewGrantCommand(GRANT, Recommendation.APPROVE, "erneut"),
                    new ApproveGrantCommand(GRANT, REQUESTED, null),
                    new RejectGrantCommand(GRANT, "erneut"),
                    new WithdrawGrantApplicationCommand(GRANT, "erneut"),
                    new AmendGrantCommand(GRANT, Money.parse("1000.00"), "erneut"),
                    new RequestFundsCommand(GRANT, Money.parse("1000.00"), "erneut"),
                    new DisburseTrancheCommand(GRANT, Money.parse("1000.00"), TODAY),
                    new SubmitUsageReportCommand(GRANT, Money.ZERO, "erneut", 0),
                    new CloseGrantCommand(GRANT, "erneut"),
                    new RecordRepaymentCommand(GRANT, Money.parse("1000.00"), TODAY)};
            Actor[] actors = {OFFICER, Actor.of("n.other", AccountRole.MINISTRY), Actor.of("n.other", AccountRole.MINISTRY), COORDINATOR,
                    Actor.of("n.other", AccountRole.MINISTRY), COORDINATOR, OFFICER, COORDINATOR, OFFICER, OFFICER};
            for (int i = 0; i < attempts.length; i++) {
                givenReviewed()
                        .andGiven(by(MINISTER, new GrantRejectedEvent(GRANT, VIERSEN, "nein")))
                        .when(attempts[i], actors[i].toMetaData())
                        .expectException(refused(RuleViolationException.class, "grant.rejected"))
                        .expectNoEvents();
            }
        }

        @Test
        void nothing_happens_to_a_withdrawn_grant() {
            Object[] attempts = {
                    new ReviewGrantCommand(GRANT, Recommendation.APPROVE, "erneut"),
                    new ApproveGrantCommand(GRANT, REQUESTED, null),
                    new RejectGrantCommand(GRANT, "erneut"),
                    new WithdrawGrantApplicationCommand(GRANT, "erneut"),
                    new AmendGrantCommand(GRANT, Money.parse("1000.00"), "erneut"),
                    new RequestFundsCommand(GRANT, Money.parse("1000.00"), "erneut"),
                    new DisburseTrancheCommand(GRANT, Money.parse("1000.00"), TODAY),
                    new SubmitUsageReportCommand(GRANT, Money.ZERO, "erneut", 0),
                    new CloseGrantCommand(GRANT, "erneut"),
                    new RecordRepaymentCommand(GRANT, Money.parse("1000.00"), TODAY)};
            Actor[] actors = {OFFICER, Actor.of("n.other", AccountRole.MINISTRY), Actor.of("n.other", AccountRole.MINISTRY), COORDINATOR,
                    Actor.of("n.other", AccountRole.MINISTRY), COORDINATOR, OFFICER, COORDINATOR, OFFICER, OFFICER};
            for (int i = 0; i < attempts.length; i++) {
                fixture.given(by(COORDINATOR, applied()), by(COORDINATOR, new GrantWithdrawnEvent(GRANT, VIERSEN, "entfällt")))
                        .when(attempts[i], actors[i].toMetaData())
                        .expectException(refused(RuleViolationException.class, "grant.withdrawn"))
                        .expectNoEvents();
            }
        }
    }

    // ------------------------------------------------------------------ after the approval

    private static final LocalDate APPROVED_ON = TODAY.minusDays(30);
    private static final Money APPROVED = Money.parse("10000.00");

    private static Money euros(String amount) {
        return Money.parse(amount);
    }

    /** Approved for 10.000,00 € thirty days ago (and counted in the budget), then the given facts. */
    private TestExecutor<Grant> givenApproved(Object... later) {
        budgets.alreadyApproved(BUDGET_2027, VIERSEN, "10000.00");
        return givenReviewed()
                .andGiven(by(MINISTER, new GrantApprovedEvent(GRANT, VIERSEN, REQUESTED, APPROVED, null, APPROVED_ON)))
                .andGiven(List.of(later));
    }

    private static Object disbursed(int tranche, String before, String after) {
        Money from = euros(before);
        Money to = euros(after);
        return by(OFFICER, new TrancheDisbursedEvent(GRANT, VIERSEN, tranche, to.minus(from), APPROVED_ON.plusDays(tranche),
                from, to));
    }

    private static Object reported(String disbursedTotal, String spent) {
        return by(COORDINATOR, new UsageReportSubmittedEvent(GRANT, VIERSEN, euros(disbursedTotal), euros(spent),
                "Sachbericht", 40, TODAY.minusDays(5)));
    }

    private static Object closed(String disbursedTotal, String spent) {
        Money d = euros(disbursedTotal);
        Money sp = euros(spent);
        return by(OFFICER, new GrantClosedEvent(GRANT, VIERSEN, d, sp, d.minus(sp), "Geprüft", TODAY.minusDays(2)));
    }

    @Nested
    class ApprovalWithinTheBudget {

        @Test
        void an_approval_counts_against_the_budget_and_the_centres_share() {
            givenReviewed()
                    .when(new ApproveGrantCommand(GRANT, REQUESTED, null), MINISTER.toMetaData())
                    .expectSuccessfulHandlerExecution();
            assertThat(budgets.approved(BUDGET_2027)).isEqualTo(REQUESTED);
            assertThat(budgets.approved(VIERSEN_SHARE)).isEqualTo(REQUESTED);
        }

        @Test
        void without_a_budget_for_the_year_and_part_nothing_is_approved() {
            GrantAppliedEvent otherPart = new GrantAppliedEvent(GRANT, VIERSEN, 2027, ProgrammePart.PART_III, "Titel",
                    "Zweck", REQUESTED, TODAY);
            fixture.given(by(COORDINATOR, otherPart), by(OFFICER, reviewed()))
                    .when(new ApproveGrantCommand(GRANT, REQUESTED, null), MINISTER.toMetaData())
                    .expectException(refused(RuleViolationException.class, "budget.missing"))
                    .expectNoEvents();
            assertThat(budgets.approved(BudgetId.of(2027, ProgrammePart.PART_III))).isNull();
        }

        @Test
        void an_approval_beyond_the_budget_is_refused_and_counts_nothing() {
            budgets.alreadyApproved(BUDGET_2027, KOELN, "90000.00");
            givenReviewed()
                    .when(new ApproveGrantCommand(GRANT, REQUESTED, null), MINISTER.toMetaData())
                    .expectException(refused(RuleViolationException.class, "budget.exceeded"))
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("frei sind 10.000,00 €"))
                    .expectNoEvents();
            assertThat(budgets.approved(BUDGET_2027)).isEqualTo(euros("90000.00"));
            assertThat(budgets.approved(VIERSEN_SHARE)).isNull();
        }

        @Test
        void the_budget_can_be_used_to_the_last_cent() {
            budgets.alreadyApproved(BUDGET_2027, KOELN, "87500.00");
            givenReviewed()
                    .when(new ApproveGrantCommand(GRANT, REQUESTED, null), MINISTER.toMetaData())
                    .expectSuccessfulHandlerExecution();
            assertThat(budgets.approved(BUDGET_2027)).isEqualTo(euros("100000.00"));
        }

        @Test
        void a_centres_share_limits_its_approvals() {
            budgets.set(VIERSEN_SHARE, "10000.00");
            givenReviewed()
                    .when(new ApproveGrantCommand(GRANT, REQUESTED, null), MINISTER.toMetaData())
                    .expectException(refused(RuleViolationException.class, "budget.centre-exceeded"))
                    .expectNoEvents();
            givenReviewed()
                    .when(new ApproveGrantCommand(GRANT, euros("10000.00"), null), MINISTER.toMetaData())
                    .expectSuccessfulHandlerExecution();
            assertThat(budgets.approved(VIERSEN_SHARE)).isEqualTo(euros("10000.00"));
        }

        @Test
        void other_centres_approvals_do_not_use_a_centres_share() {
            budgets.set(VIERSEN_SHARE, "15000.00").alreadyApproved(BUDGET_2027, KOELN, "50000.00");
            givenReviewed()
                    .when(new ApproveGrantCommand(GRANT, REQUESTED, null), MINISTER.toMetaData())
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class Amendment {

        @Test
        void the_ministry_lowers_the_approved_amount_and_frees_the_budget() {
            givenApproved()
                    .when(new AmendGrantCommand(GRANT, euros("8000.00"), "Maßnahme verkleinert"), MINISTER.toMetaData())
                    .expectEvents(new GrantAmendedEvent(GRANT, VIERSEN, APPROVED, euros("8000.00"), "Maßnahme verkleinert", TODAY))
                    .expectResultMessagePayload(AmendmentOutcome.AMENDED);
            assertThat(budgets.approved(BUDGET_2027)).isEqualTo(euros("8000.00"));
        }

        @Test
        void an_amendment_never_exceeds_the_requested_amount() {
            givenApproved()
                    .when(new AmendGrantCommand(GRANT, euros("12500.01"), "Mehrbedarf"), MINISTER.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.approved-exceeds-requested"))
                    .expectNoEvents();
        }

        @Test
        void an_amendment_never_goes_below_what_was_disbursed() {
            givenApproved(disbursed(1, "0.00", "6000.00"))
                    .when(new AmendGrantCommand(GRANT, euros("5999.99"), "Kürzung"), MINISTER.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.amendment-below-disbursed"))
                    .expectNoEvents();
            givenApproved(disbursed(1, "0.00", "6000.00"))
                    .when(new AmendGrantCommand(GRANT, euros("6000.00"), "Kürzung"), MINISTER.toMetaData())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void an_amendment_changes_something() {
            givenApproved()
                    .when(new AmendGrantCommand(GRANT, APPROVED, "nochmal"), MINISTER.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.amendment-unchanged"))
                    .expectNoEvents();
        }

        @Test
        void only_the_ministry_amends() {
            for (Actor actor : new Actor[]{OFFICER, COORDINATOR, Actor.of("audit", AccountRole.AUDITOR)}) {
                givenApproved()
                        .when(new AmendGrantCommand(GRANT, euros("8000.00"), "Kürzung"), actor.toMetaData())
                        .expectException(refused(ForbiddenException.class, "grant.amend.forbidden"))
                        .expectNoEvents();
            }
        }

        @Test
        void a_grant_is_amended_only_after_its_approval() {
            givenReviewed()
                    .when(new AmendGrantCommand(GRANT, euros("8000.00"), "Kürzung"), MINISTER.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.not-approved"))
                    .expectNoEvents();
        }
    }

    /** A raise of the approved amount: proposed by one ministry account, approved by another (rule 8, ADR 26). */
    @Nested
    class Raise {

        private static final Actor SECOND_MINISTER = Actor.of("n.wagner", AccountRole.MINISTRY);

        private Object raiseProposed(String amount) {
            return by(MINISTER, new GrantRaiseProposedEvent(GRANT, VIERSEN, APPROVED, euros(amount), "Mehrbedarf", TODAY));
        }

        @Test
        void a_raise_is_only_proposed_and_changes_neither_the_amount_nor_the_budget() {
            givenApproved()
                    .when(new AmendGrantCommand(GRANT, euros("12000.00"), "Mehrbedarf"), MINISTER.toMetaData())
                    .expectEvents(new GrantRaiseProposedEvent(GRANT, VIERSEN, APPROVED, euros("12000.00"), "Mehrbedarf", TODAY))
                    .expectResultMessagePayload(AmendmentOutcome.RAISE_PROPOSED);
            assertThat(budgets.approved(VIERSEN_SHARE)).isEqualTo(APPROVED);
        }

        @Test
        void until_it_is_approved_the_old_amount_is_the_limit_of_disbursements() {
            givenApproved(raiseProposed("12000.00"))
                    .when(new DisburseTrancheCommand(GRANT, euros("10000.01"), TODAY), OFFICER.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.disbursement-exceeds-approved"))
                    .expectNoEvents();
        }

        @Test
        void a_second_ministry_account_approves_the_raise_and_the_budget_counts_it_then() {
            givenApproved(raiseProposed("12000.00"))
                    .when(new ApproveGrantRaiseCommand(GRANT, euros("12000.00")), SECOND_MINISTER.toMetaData())
                    .expectEvents(new GrantAmendedEvent(GRANT, VIERSEN, APPROVED, euros("12000.00"), "Mehrbedarf", TODAY))
                    .expectEventsMatching(eventsSatisfying(events -> assertThat(events.get(0).getMetaData())
                            .containsEntry(Actor.ACCOUNT, "n.wagner")));
            assertThat(budgets.approved(VIERSEN_SHARE)).isEqualTo(euros("12000.00"));
        }

        @Test
        void who_proposed_the_raise_does_not_approve_it() {
            for (Actor same : new Actor[]{MINISTER, Actor.of("M.SCHULZ", AccountRole.MINISTRY)}) {
                givenApproved(raiseProposed("12000.00"))
                        .when(new ApproveGrantRaiseCommand(GRANT, euros("12000.00")), same.toMetaData())
                        .expectException(refused(ForbiddenException.class, "grant.four-eyes"))
                        .expectExceptionMessage(org.hamcrest.Matchers.containsString("vorgeschlagen"))
                        .expectNoEvents();
            }
        }

        @Test
        void who_applied_for_or_reviewed_the_grant_does_not_approve_the_raise() {
            // the same people, now with the ministry's role
            for (String account : new String[]{"k.yilmaz", "b.officer"}) {
                givenApproved(raiseProposed("12000.00"))
                        .when(new ApproveGrantRaiseCommand(GRANT, euros("12000.00")),
                                Actor.of(account, AccountRole.MINISTRY).toMetaData())
                        .expectException(refused(ForbiddenException.class, "grant.four-eyes"))
                        .expectNoEvents();
            }
        }

        @Test
        void without_a_recorded_proposer_the_raise_is_not_approved() {
            givenApproved(new GrantRaiseProposedEvent(GRANT, VIERSEN, APPROVED, euros("12000.00"), "Mehrbedarf", TODAY))
                    .when(new ApproveGrantRaiseCommand(GRANT, euros("12000.00")), SECOND_MINISTER.toMetaData())
                    .expectException(refused(ForbiddenException.class, "grant.four-eyes.unverifiable"))
                    .expectNoEvents();
        }

        @Test
        void only_the_ministry_approves_a_raise() {
            for (Actor actor : new Actor[]{Actor.of("c.officer", AccountRole.GRANT_OFFICER), COORDINATOR,
                    Actor.of("audit", AccountRole.AUDITOR), Actor.SYSTEM}) {
                givenApproved(raiseProposed("12000.00"))
                        .when(new ApproveGrantRaiseCommand(GRANT, euros("12000.00")), actor.toMetaData())
                        .expectException(refused(ForbiddenException.class, "grant.amend.forbidden"))
                        .expectNoEvents();
            }
        }

        @Test
        void the_approval_names_the_proposed_amount() {
            givenApproved(raiseProposed("12000.00"))
                    .when(new ApproveGrantRaiseCommand(GRANT, euros("12500.00")), SECOND_MINISTER.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.raise-changed"))
                    .expectNoEvents();
        }

        @Test
        void a_raise_beyond_the_budget_is_refused_when_it_is_approved() {
            budgets.alreadyApproved(BUDGET_2027, KOELN, "89000.00");
            givenApproved(raiseProposed("12000.00"))
                    .when(new ApproveGrantRaiseCommand(GRANT, euros("12000.00")), SECOND_MINISTER.toMetaData())
                    .expectException(refused(RuleViolationException.class, "budget.exceeded"))
                    .expectNoEvents();
            assertThat(budgets.approved(BUDGET_2027)).isEqualTo(euros("99000.00"));
        }

        @Test
        void the_centres_share_is_checked_when_the_raise_is_approved() {
            budgets.set(VIERSEN_SHARE, "11000.00");
            givenApproved(raiseProposed("12000.00"))
                    .when(new ApproveGrantRaiseCommand(GRANT, euros("12000.00")), SECOND_MINISTER.toMetaData())
                    .expectException(refused(RuleViolationException.class, "budget.centre-exceeded"))
                    .expectNoEvents();
            assertThat(budgets.approved(VIERSEN_SHARE)).isEqualTo(APPROVED);
        }

        @Test
        void either_account_withdraws_a_pending_raise_and_nothing_is_left_to_approve() {
            for (Actor either : new Actor[]{MINISTER, SECOND_MINISTER}) {
                givenApproved(raiseProposed("12000.00"))
                        .when(new WithdrawGrantRaiseCommand(GRANT, "Mehrbedarf entfällt"), either.toMetaData())
                        .expectEvents(new GrantRaiseWithdrawnEvent(GRANT, VIERSEN, euros("12000.00"), "Mehrbedarf entfällt"));
            }
            givenApproved(raiseProposed("12000.00"),
                    by(MINISTER, new GrantRaiseWithdrawnEvent(GRANT, VIERSEN, euros("12000.00"), "entfällt")))
                    .when(new ApproveGrantRaiseCommand(GRANT, euros("12000.00")), SECOND_MINISTER.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.no-raise-pending"))
                    .expectNoEvents();
        }

        @Test
        void one_amendment_at_a_time_while_a_raise_waits() {
            givenApproved(raiseProposed("12000.00"))
                    .when(new AmendGrantCommand(GRANT, euros("8000.00"), "Kürzung"), SECOND_MINISTER.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.raise-pending"))
                    .expectNoEvents();
        }

        @Test
        void a_closed_centre_gets_no_raise() {
            centres.closed(VIERSEN, LocalDate.of(2019, 4, 1), TODAY);
            givenApproved()
                    .when(new AmendGrantCommand(GRANT, euros("12000.00"), "Mehrbedarf"), MINISTER.toMetaData())
                    .expectException(refused(RuleViolationException.class, "centre.closed"))
                    .expectNoEvents();
            givenApproved(raiseProposed("12000.00"))
                    .when(new ApproveGrantRaiseCommand(GRANT, euros("12000.00")), SECOND_MINISTER.toMetaData())
                    .expectException(refused(RuleViolationException.class, "centre.closed"))
                    .expectNoEvents();
        }

        @Test
        void a_closed_centres_grant_can_still_be_lowered() {
            centres.closed(VIERSEN, LocalDate.of(2019, 4, 1), TODAY);
            givenApproved()
                    .when(new AmendGrantCommand(GRANT, euros("8000.00"), "Zentrum geschlossen"), MINISTER.toMetaData())
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class FundsRequest {

        @Test
        void the_centre_draws_funds_of_an_approved_grant() {
            givenApproved()
                    .when(new RequestFundsCommand(GRANT, euros("4000.00"), "Honorare erstes Quartal"), COORDINATOR.toMetaData())
                    .expectEvents(new FundsRequestedEvent(GRANT, VIERSEN, euros("4000.00"), "Honorare erstes Quartal", TODAY));
        }

        @Test
        void no_more_than_approved_minus_disbursed_minus_already_requested() {
            Object pending = by(COORDINATOR, new FundsRequestedEvent(GRANT, VIERSEN, euros("3000.00"), "Miete", TODAY));
            givenApproved(disbursed(1, "0.00", "6000.00"), pending)
                    .when(new RequestFundsCommand(GRANT, euros("1000.01"), "Honorare"), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.request-exceeds-available"))
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("Abrufbar sind noch 1.000,00 €"))
                    .expectNoEvents();
            givenApproved(disbursed(1, "0.00", "6000.00"), pending)
                    .when(new RequestFundsCommand(GRANT, euros("1000.00"), "Honorare"), COORDINATOR.toMetaData())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void a_disbursement_settles_what_was_requested() {
            Object pending = by(COORDINATOR, new FundsRequestedEvent(GRANT, VIERSEN, euros("4000.00"), "Miete", TODAY));
            givenApproved(pending, disbursed(1, "0.00", "4000.00"))
                    .when(new RequestFundsCommand(GRANT, euros("6000.00"), "Rest"), COORDINATOR.toMetaData())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void only_the_centres_coordinators_draw_funds() {
            for (Actor actor : new Actor[]{OTHER_COORDINATOR, OFFICER, MINISTER}) {
                givenApproved()
                        .when(new RequestFundsCommand(GRANT, euros("100.00"), "x"), actor.toMetaData())
                        .expectException(refused(ForbiddenException.class, "grant.request-funds.forbidden"))
                        .expectNoEvents();
            }
        }

        @Test
        void no_funds_before_the_approval() {
            givenReviewed()
                    .when(new RequestFundsCommand(GRANT, euros("100.00"), "x"), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.not-approved"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Disbursement {

        @Test
        void the_grant_authority_disburses_tranches_numbered_in_order() {
            givenApproved()
                    .when(new DisburseTrancheCommand(GRANT, euros("4000.00"), TODAY.minusDays(1)), OFFICER.toMetaData())
                    .expectEvents(new TrancheDisbursedEvent(GRANT, VIERSEN, 1, euros("4000.00"), TODAY.minusDays(1),
                            Money.ZERO, euros("4000.00")));
            givenApproved(disbursed(1, "0.00", "4000.00"))
                    .when(new DisburseTrancheCommand(GRANT, euros("3000.00"), TODAY), OFFICER.toMetaData())
                    .expectEvents(new TrancheDisbursedEvent(GRANT, VIERSEN, 2, euros("3000.00"), TODAY,
                            euros("4000.00"), euros("7000.00")));
        }

        @Test
        void the_sum_of_disbursements_never_exceeds_the_approved_amount() {
            givenApproved(disbursed(1, "0.00", "6000.00"))
                    .when(new DisburseTrancheCommand(GRANT, euros("4000.01"), TODAY), OFFICER.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.disbursement-exceeds-approved"))
                    .expectNoEvents();
            givenApproved(disbursed(1, "0.00", "6000.00"))
                    .when(new DisburseTrancheCommand(GRANT, euros("4000.00"), TODAY), OFFICER.toMetaData())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void after_an_amendment_the_new_amount_is_the_limit() {
            Object amended = by(MINISTER, new GrantAmendedEvent(GRANT, VIERSEN, APPROVED, euros("7000.00"), "Kürzung", TODAY));
            givenApproved(disbursed(1, "0.00", "6000.00"), amended)
                    .when(new DisburseTrancheCommand(GRANT, euros("1000.01"), TODAY), OFFICER.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.disbursement-exceeds-approved"))
                    .expectNoEvents();
        }

        @Test
        void the_date_is_neither_in_the_future_nor_before_the_approval() {
            givenApproved()
                    .when(new DisburseTrancheCommand(GRANT, euros("100.00"), TODAY.plusDays(1)), OFFICER.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.disbursement.in-future"))
                    .expectNoEvents();
            givenApproved()
                    .when(new DisburseTrancheCommand(GRANT, euros("100.00"), APPROVED_ON.minusDays(1)), OFFICER.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.disbursement.too-early"))
                    .expectNoEvents();
        }

        @Test
        void only_the_grant_authority_disburses() {
            for (Actor actor : new Actor[]{MINISTER, COORDINATOR}) {
                givenApproved()
                        .when(new DisburseTrancheCommand(GRANT, euros("100.00"), TODAY), actor.toMetaData())
                        .expectException(refused(ForbiddenException.class, "grant.disburse.forbidden"))
                        .expectNoEvents();
            }
        }

        @Test
        void nothing_is_disbursed_before_the_approval_or_after_the_usage_report() {
            givenReviewed()
                    .when(new DisburseTrancheCommand(GRANT, euros("100.00"), TODAY), OFFICER.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.not-approved"));
            givenApproved(disbursed(1, "0.00", "6000.00"), reported("6000.00", "6000.00"))
                    .when(new DisburseTrancheCommand(GRANT, euros("100.00"), TODAY), OFFICER.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.usage-reported"))
                    .expectNoEvents();
        }
    }

    @Nested
    class UsageReport {

        @Test
        void the_centre_reports_what_it_spent() {
            givenApproved(disbursed(1, "0.00", "6000.00"))
                    .when(new SubmitUsageReportCommand(GRANT, euros("5500.00"), "Sachbericht 2027", 42), COORDINATOR.toMetaData())
                    .expectEvents(new UsageReportSubmittedEvent(GRANT, VIERSEN, euros("6000.00"), euros("5500.00"),
                            "Sachbericht 2027", 42, TODAY));
        }

        @Test
        void the_usage_report_starts_the_keeping_period_of_the_grant_file() {
            givenApproved(disbursed(1, "0.00", "6000.00"))
                    .when(new SubmitUsageReportCommand(GRANT, euros("5500.00"), "Sachbericht 2027", 42), COORDINATOR.toMetaData())
                    .expectSuccessfulHandlerExecution();
            assertThat(grantFiles.reportedOn(GRANT)).contains(TODAY);
        }

        @Test
        void a_refused_usage_report_starts_no_keeping_period() {
            givenApproved(disbursed(1, "0.00", "6000.00"))
                    .when(new SubmitUsageReportCommand(GRANT, euros("6000.01"), "Bericht", 42), COORDINATOR.toMetaData())
                    .expectException(RuleViolationException.class);
            assertThat(grantFiles.reportedOn(GRANT)).isEmpty();
        }

        @Test
        void the_spending_is_at_most_what_was_disbursed() {
            givenApproved(disbursed(1, "0.00", "6000.00"))
                    .when(new SubmitUsageReportCommand(GRANT, euros("6000.01"), "Bericht", 42), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.spent-exceeds-disbursed"))
                    .expectNoEvents();
        }

        @Test
        void the_report_is_submitted_once() {
            givenApproved(disbursed(1, "0.00", "6000.00"), reported("6000.00", "5000.00"))
                    .when(new SubmitUsageReportCommand(GRANT, euros("5000.00"), "Bericht", 42), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.usage-reported"))
                    .expectNoEvents();
        }

        @Test
        void only_the_centres_coordinators_report() {
            for (Actor actor : new Actor[]{OTHER_COORDINATOR, OFFICER}) {
                givenApproved()
                        .when(new SubmitUsageReportCommand(GRANT, Money.ZERO, "Bericht", 0), actor.toMetaData())
                        .expectException(refused(ForbiddenException.class, "grant.usage-report.forbidden"))
                        .expectNoEvents();
            }
        }

        @Test
        void no_report_before_the_approval() {
            givenReviewed()
                    .when(new SubmitUsageReportCommand(GRANT, Money.ZERO, "Bericht", 0), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.not-approved"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Closing {

        @Test
        void checking_the_report_closes_the_grant_and_demands_back_what_was_not_spent() {
            givenApproved(disbursed(1, "0.00", "6000.00"), reported("6000.00", "5500.00"))
                    .when(new CloseGrantCommand(GRANT, "Minderausgaben bei Honoraren"), OFFICER.toMetaData())
                    .expectEvents(new GrantClosedEvent(GRANT, VIERSEN, euros("6000.00"), euros("5500.00"), euros("500.00"),
                            "Minderausgaben bei Honoraren", TODAY));
        }

        @Test
        void nothing_is_demanded_when_everything_was_spent() {
            givenApproved(disbursed(1, "0.00", "6000.00"), reported("6000.00", "6000.00"))
                    .when(new CloseGrantCommand(GRANT, "Ordnungsgemäß verwendet"), OFFICER.toMetaData())
                    .expectEvents(new GrantClosedEvent(GRANT, VIERSEN, euros("6000.00"), euros("6000.00"), Money.ZERO,
                            "Ordnungsgemäß verwendet", TODAY));
        }

        @Test
        void no_closing_without_a_usage_report() {
            givenApproved(disbursed(1, "0.00", "6000.00"))
                    .when(new CloseGrantCommand(GRANT, "zu früh"), OFFICER.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.no-usage-report"))
                    .expectNoEvents();
        }

        @Test
        void only_the_grant_authority_closes() {
            for (Actor actor : new Actor[]{MINISTER, COORDINATOR}) {
                givenApproved(reported("0.00", "0.00"))
                        .when(new CloseGrantCommand(GRANT, "x"), actor.toMetaData())
                        .expectException(refused(ForbiddenException.class, "grant.close.forbidden"))
                        .expectNoEvents();
            }
        }

        @Test
        void nothing_happens_to_a_closed_grant_but_the_repayment() {
            Object[] attempts = {
                    new AmendGrantCommand(GRANT, euros("7000.00"), "später"),
                    new RequestFundsCommand(GRANT, euros("100.00"), "später"),
                    new DisburseTrancheCommand(GRANT, euros("100.00"), TODAY),
                    new SubmitUsageReportCommand(GRANT, Money.ZERO, "später", 0),
                    new CloseGrantCommand(GRANT, "nochmal"),
                    new WithdrawGrantApplicationCommand(GRANT, "später")};
            Actor[] actors = {MINISTER, COORDINATOR, OFFICER, COORDINATOR, OFFICER, COORDINATOR};
            for (int i = 0; i < attempts.length; i++) {
                givenApproved(disbursed(1, "0.00", "6000.00"), reported("6000.00", "5500.00"), closed("6000.00", "5500.00"))
                        .when(attempts[i], actors[i].toMetaData())
                        .expectException(refused(RuleViolationException.class, "grant.closed"))
                        .expectNoEvents();
            }
        }
    }

    @Nested
    class Repayment {

        @Test
        void repayments_are_recorded_until_nothing_is_outstanding() {
            givenApproved(disbursed(1, "0.00", "6000.00"), reported("6000.00", "5500.00"), closed("6000.00", "5500.00"))
                    .when(new RecordRepaymentCommand(GRANT, euros("200.00"), TODAY), OFFICER.toMetaData())
                    .expectEvents(new RepaymentReceivedEvent(GRANT, VIERSEN, euros("200.00"), TODAY, euros("500.00"), euros("300.00")));
            Object partly = by(OFFICER, new RepaymentReceivedEvent(GRANT, VIERSEN, euros("200.00"), TODAY, euros("500.00"), euros("300.00")));
            givenApproved(disbursed(1, "0.00", "6000.00"), reported("6000.00", "5500.00"), closed("6000.00", "5500.00"), partly)
                    .when(new RecordRepaymentCommand(GRANT, euros("300.01"), TODAY), OFFICER.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.repayment-exceeds-outstanding"))
                    .expectNoEvents();
            Object rest = by(OFFICER, new RepaymentReceivedEvent(GRANT, VIERSEN, euros("300.00"), TODAY, euros("300.00"), Money.ZERO));
            givenApproved(disbursed(1, "0.00", "6000.00"), reported("6000.00", "5500.00"), closed("6000.00", "5500.00"), partly, rest)
                    .when(new RecordRepaymentCommand(GRANT, euros("0.01"), TODAY), OFFICER.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.nothing-to-repay"))
                    .expectNoEvents();
        }

        @Test
        void no_repayment_when_nothing_was_demanded_or_before_closing() {
            givenApproved(disbursed(1, "0.00", "6000.00"), reported("6000.00", "6000.00"), closed("6000.00", "6000.00"))
                    .when(new RecordRepaymentCommand(GRANT, euros("1.00"), TODAY), OFFICER.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.nothing-to-repay"));
            givenApproved(disbursed(1, "0.00", "6000.00"), reported("6000.00", "5000.00"))
                    .when(new RecordRepaymentCommand(GRANT, euros("1.00"), TODAY), OFFICER.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.not-closed"))
                    .expectNoEvents();
        }

        @Test
        void the_receipt_date_is_neither_in_the_future_nor_before_closing() {
            givenApproved(disbursed(1, "0.00", "6000.00"), reported("6000.00", "5500.00"), closed("6000.00", "5500.00"))
                    .when(new RecordRepaymentCommand(GRANT, euros("100.00"), TODAY.plusDays(1)), OFFICER.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.repayment.in-future"));
            givenApproved(disbursed(1, "0.00", "6000.00"), reported("6000.00", "5500.00"), closed("6000.00", "5500.00"))
                    .when(new RecordRepaymentCommand(GRANT, euros("100.00"), TODAY.minusDays(3)), OFFICER.toMetaData())
                    .expectException(refused(RuleViolationException.class, "grant.repayment.too-early"))
                    .expectNoEvents();
        }

        @Test
        void only_the_grant_authority_records_repayments() {
            for (Actor actor : new Actor[]{MINISTER, COORDINATOR}) {
                givenApproved(disbursed(1, "0.00", "6000.00"), reported("6000.00", "5500.00"), closed("6000.00", "5500.00"))
                        .when(new RecordRepaymentCommand(GRANT, euros("100.00"), TODAY), actor.toMetaData())
                        .expectException(refused(ForbiddenException.class, "grant.repayment.forbidden"))
                        .expectNoEvents();
            }
        }
    }
}
