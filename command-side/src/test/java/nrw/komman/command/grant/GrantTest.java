package nrw.komman.command.grant;

import nrw.komman.command.testing.FakeCentreRegistry;
import nrw.komman.command.testing.TestClock;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.common.Role;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.grant.ApplyForGrantCommand;
import nrw.komman.kernel.grant.ApproveGrantCommand;
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

    private static final Actor COORDINATOR = Actor.coordinator("k.yilmaz", VIERSEN);
    private static final Actor OTHER_COORDINATOR = Actor.coordinator("a.becker", KOELN);
    private static final Actor OFFICER = Actor.of("b.officer", Role.GRANT_OFFICER);
    private static final Actor MINISTER = Actor.of("m.schulz", Role.MINISTRY);

    private AggregateTestFixture<Grant> fixture;
    private FakeCentreRegistry centres;

    @BeforeEach
    void setUp() {
        centres = new FakeCentreRegistry().established(VIERSEN, LocalDate.of(2019, 4, 1));
        fixture = new AggregateTestFixture<>(Grant.class);
        fixture.registerInjectableResource(TestClock.CLOCK);
        fixture.registerInjectableResource(centres);
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
            for (Actor actor : new Actor[]{MINISTER, COORDINATOR, Actor.SYSTEM, Actor.of("audit", Role.AUDITOR)}) {
                fixture.given(by(COORDINATOR, applied()))
                        .when(review, actor.toMetaData())
                        .expectException(refused(ForbiddenException.class, "grant.review.forbidden"))
                        .expectNoEvents();
            }
        }

        @Test
        void an_application_is_reviewed_only_once() {
            givenReviewed()
                    .when(new ReviewGrantCommand(GRANT, Recommendation.REJECT, "Doch nicht"), Actor.of("c.officer", Role.GRANT_OFFICER).toMetaData())
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
                    .expectEvents(new GrantApprovedEvent(GRANT, VIERSEN, REQUESTED, REQUESTED, "Bewilligt wie beantragt", TODAY))
                    .expectState(grant -> assertThat(grant.facts().isApproved()).isTrue());
        }

        @Test
        void the_ministry_may_approve_less_than_requested() {
            Money less = Money.parse("10000.00");
            givenReviewed()
                    .when(new ApproveGrantCommand(GRANT, less, null), MINISTER.toMetaData())
                    .expectEvents(new GrantApprovedEvent(GRANT, VIERSEN, REQUESTED, less, null, TODAY));
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
            for (Actor actor : new Actor[]{Actor.of("c.officer", Role.GRANT_OFFICER), COORDINATOR, Actor.SYSTEM}) {
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
                    .when(new ApproveGrantCommand(GRANT, REQUESTED, null), Actor.of("b.officer", Role.MINISTRY).toMetaData())
                    .expectException(refused(ForbiddenException.class, "grant.four-eyes"))
                    .expectNoEvents();
        }

        @Test
        void an_approver_who_applied_for_the_grant_is_refused() {
            givenReviewed()
                    .when(new ApproveGrantCommand(GRANT, REQUESTED, null), Actor.of("K.Yilmaz", Role.MINISTRY).toMetaData())
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
        void a_grant_is_approved_only_once() {
            givenReviewed()
                    .andGiven(by(MINISTER, new GrantApprovedEvent(GRANT, VIERSEN, REQUESTED, REQUESTED, null, TODAY)))
                    .when(new ApproveGrantCommand(GRANT, REQUESTED, null), Actor.of("n.other", Role.MINISTRY).toMetaData())
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
                    .when(new RejectGrantCommand(GRANT, "nein"), Actor.of("c.officer", Role.GRANT_OFFICER).toMetaData())
                    .expectException(refused(ForbiddenException.class, "grant.decision.forbidden"))
                    .expectNoEvents();
        }

        @Test
        void a_rejecter_who_reviewed_the_grant_is_refused() {
            givenReviewed()
                    .when(new RejectGrantCommand(GRANT, "nein"), Actor.of("b.officer", Role.MINISTRY).toMetaData())
                    .expectException(refused(ForbiddenException.class, "grant.four-eyes"))
                    .expectNoEvents();
        }

        @Test
        void a_rejecter_who_applied_for_the_grant_is_refused() {
            givenReviewed()
                    .when(new RejectGrantCommand(GRANT, "nein"), Actor.of("k.yilmaz", Role.MINISTRY).toMetaData())
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
                    .when(new RejectGrantCommand(GRANT, "nein"), Actor.of("n.other", Role.MINISTRY).toMetaData())
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
                    new WithdrawGrantApplicationCommand(GRANT, "erneut")};
            Actor[] actors = {OFFICER, Actor.of("n.other", Role.MINISTRY), Actor.of("n.other", Role.MINISTRY), COORDINATOR};
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
                    new WithdrawGrantApplicationCommand(GRANT, "erneut")};
            Actor[] actors = {OFFICER, Actor.of("n.other", Role.MINISTRY), Actor.of("n.other", Role.MINISTRY), COORDINATOR};
            for (int i = 0; i < attempts.length; i++) {
                fixture.given(by(COORDINATOR, applied()), by(COORDINATOR, new GrantWithdrawnEvent(GRANT, VIERSEN, "entfällt")))
                        .when(attempts[i], actors[i].toMetaData())
                        .expectException(refused(RuleViolationException.class, "grant.withdrawn"))
                        .expectNoEvents();
            }
        }
    }
}
