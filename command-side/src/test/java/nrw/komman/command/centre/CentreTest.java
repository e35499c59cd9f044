package nrw.komman.command.centre;

import nrw.komman.kernel.centre.CentreClosedEvent;
import nrw.komman.kernel.centre.CentreEstablishedEvent;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.CentreClosureProposedEvent;
import nrw.komman.kernel.centre.CentreClosureWithdrawnEvent;
import nrw.komman.kernel.centre.ConfirmCentreClosureCommand;
import nrw.komman.kernel.centre.ProposeCentreClosureCommand;
import nrw.komman.kernel.centre.WithdrawCentreClosureCommand;
import nrw.komman.kernel.centre.EstablishCentreCommand;
import nrw.komman.kernel.centre.Regierungsbezirk;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.common.RuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;

import static nrw.komman.command.testing.EventsSatisfying.eventsSatisfying;
import static nrw.komman.command.testing.Given.by;
import static nrw.komman.command.testing.Refusal.refused;
import static org.assertj.core.api.Assertions.assertThat;

class CentreTest {

    private static final CentreId VIERSEN = new CentreId("05166");
    private static final CentreId KOELN = new CentreId("05315");
    private static final LocalDate ESTABLISHED = LocalDate.of(2019, 4, 1);
    private static final Actor MINISTRY = Actor.of("m.schulz", AccountRole.MINISTRY);

    private AggregateTestFixture<Centre> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Centre.class);
    }

    private static CentreEstablishedEvent viersenEstablished() {
        return new CentreEstablishedEvent(VIERSEN, "Kreis Viersen", "Kreis", Regierungsbezirk.DUESSELDORF, ESTABLISHED);
    }

    @Test
    void the_ministry_establishes_a_centre_in_the_region_its_key_names() {
        fixture.givenNoPriorActivity()
                .when(new EstablishCentreCommand(KOELN, "Stadt Köln", "Kreisfreie Stadt", ESTABLISHED), MINISTRY.toMetaData())
                .expectEvents(new CentreEstablishedEvent(KOELN, "Stadt Köln", "Kreisfreie Stadt", Regierungsbezirk.KOELN, ESTABLISHED));
    }

    @Test
    void the_platform_establishes_the_reference_centres_on_first_start() {
        fixture.givenNoPriorActivity()
                .when(new EstablishCentreCommand(VIERSEN, "Kreis Viersen", "Kreis", ESTABLISHED), Actor.SYSTEM.toMetaData())
                .expectEvents(viersenEstablished());
    }

    @Test
    void the_establishing_event_says_who_established_the_centre() {
        fixture.givenNoPriorActivity()
                .when(new EstablishCentreCommand(VIERSEN, "Kreis Viersen", "Kreis", ESTABLISHED), MINISTRY.toMetaData())
                .expectEventsMatching(eventsSatisfying(events -> {
                    assertThat(events).hasSize(1);
                    assertThat(events.get(0).getMetaData())
                            .containsEntry(Actor.ACCOUNT, "m.schulz")
                            .containsEntry(Actor.ROLE, "MINISTRY");
                }));
    }

    @ParameterizedTest
    @EnumSource(value = AccountRole.class, names = {"COORDINATOR", "GRANT_OFFICER", "AUDITOR", "ADMINISTRATOR"})
    void only_the_ministry_or_the_platform_establishes_a_centre(AccountRole role) {
        Actor actor = role == AccountRole.COORDINATOR ? Actor.coordinator("k.yilmaz", VIERSEN) : Actor.of("someone", role);
        fixture.givenNoPriorActivity()
                .when(new EstablishCentreCommand(VIERSEN, "Kreis Viersen", "Kreis", ESTABLISHED), actor.toMetaData())
                .expectException(refused(ForbiddenException.class, "centre.establish.forbidden"))
                .expectNoEvents();
    }

    @Test
    void a_command_without_an_actor_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new EstablishCentreCommand(VIERSEN, "Kreis Viersen", "Kreis", ESTABLISHED))
                .expectException(refused(ForbiddenException.class, "actor.missing"));
    }

    @Test
    void an_established_centre_is_not_established_a_second_time() {
        fixture.given(viersenEstablished())
                .when(new EstablishCentreCommand(VIERSEN, "Kreis Viersen", "Kreis", ESTABLISHED), Actor.SYSTEM.toMetaData())
                .expectException(refused(RuleViolationException.class, "centre.already-established"))
                .expectNoEvents();
    }

    // ---- closing: proposed by one ministry account, confirmed by another (ADR 26) ------------------------------------

    private static final Actor SECOND_MINISTRY = Actor.of("n.wagner", AccountRole.MINISTRY);
    private static final LocalDate CLOSES_ON = LocalDate.of(2026, 12, 31);
    private static final String REASON = "Zusammenlegung mit dem Nachbarkreis";

    private static Object proposed() {
        return by(MINISTRY, new CentreClosureProposedEvent(VIERSEN, CLOSES_ON, REASON));
    }

    @Test
    void a_ministry_account_proposes_to_close_a_centre_and_it_stays_open() {
        fixture.given(viersenEstablished())
                .when(new ProposeCentreClosureCommand(VIERSEN, CLOSES_ON, REASON), MINISTRY.toMetaData())
                .expectEvents(new CentreClosureProposedEvent(VIERSEN, CLOSES_ON, REASON))
                .expectState(centre -> {
                    assertThat(centre.facts().closedOn()).isNull();
                    assertThat(centre.isOpenOn(CLOSES_ON.plusDays(1))).isTrue();
                });
    }

    @Test
    void a_second_ministry_account_confirms_and_only_that_closes_the_centre() {
        fixture.given(viersenEstablished(), proposed())
                .when(new ConfirmCentreClosureCommand(VIERSEN, CLOSES_ON), SECOND_MINISTRY.toMetaData())
                .expectEvents(new CentreClosedEvent(VIERSEN, CLOSES_ON, REASON))
                .expectEventsMatching(eventsSatisfying(events -> assertThat(events.get(0).getMetaData())
                        .containsEntry(Actor.ACCOUNT, "n.wagner")))
                .expectState(centre -> assertThat(centre.isOpenOn(CLOSES_ON)).isFalse());
    }

    @Test
    void the_proposing_account_cannot_confirm_its_own_proposal() {
        // the same account, also in other letter case
        for (Actor same : new Actor[]{MINISTRY, Actor.of("M.Schulz", AccountRole.MINISTRY)}) {
            fixture.given(viersenEstablished(), proposed())
                    .when(new ConfirmCentreClosureCommand(VIERSEN, CLOSES_ON), same.toMetaData())
                    .expectException(refused(ForbiddenException.class, "centre.closure.four-eyes"))
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("Vier-Augen-Prinzip"))
                    .expectNoEvents();
        }
    }

    @Test
    void without_a_recorded_proposer_the_confirmation_is_refused() {
        fixture.given(viersenEstablished(), new CentreClosureProposedEvent(VIERSEN, CLOSES_ON, REASON))
                .when(new ConfirmCentreClosureCommand(VIERSEN, CLOSES_ON), SECOND_MINISTRY.toMetaData())
                .expectException(refused(ForbiddenException.class, "centre.closure.four-eyes.unverifiable"))
                .expectNoEvents();
    }

    @Test
    void nothing_is_confirmed_without_a_proposal() {
        fixture.given(viersenEstablished())
                .when(new ConfirmCentreClosureCommand(VIERSEN, CLOSES_ON), SECOND_MINISTRY.toMetaData())
                .expectException(refused(RuleViolationException.class, "centre.no-closure-pending"))
                .expectNoEvents();
    }

    @Test
    void the_confirmation_names_the_proposed_date() {
        fixture.given(viersenEstablished(), proposed())
                .when(new ConfirmCentreClosureCommand(VIERSEN, CLOSES_ON.minusDays(1)), SECOND_MINISTRY.toMetaData())
                .expectException(refused(RuleViolationException.class, "centre.closure-changed"))
                .expectNoEvents();
    }

    @Test
    void either_account_withdraws_the_proposal_and_it_can_no_longer_be_confirmed() {
        for (Actor either : new Actor[]{MINISTRY, SECOND_MINISTRY}) {
            fixture.given(viersenEstablished(), proposed())
                    .when(new WithdrawCentreClosureCommand(VIERSEN, "Zusammenlegung abgesagt"), either.toMetaData())
                    .expectEvents(new CentreClosureWithdrawnEvent(VIERSEN, CLOSES_ON, "Zusammenlegung abgesagt"));
        }
        fixture.given(viersenEstablished(), proposed(),
                        by(SECOND_MINISTRY, new CentreClosureWithdrawnEvent(VIERSEN, CLOSES_ON, "abgesagt")))
                .when(new ConfirmCentreClosureCommand(VIERSEN, CLOSES_ON), SECOND_MINISTRY.toMetaData())
                .expectException(refused(RuleViolationException.class, "centre.no-closure-pending"))
                .expectNoEvents();
    }

    @Test
    void one_proposal_at_a_time() {
        fixture.given(viersenEstablished(), proposed())
                .when(new ProposeCentreClosureCommand(VIERSEN, CLOSES_ON.plusDays(1), "anders"), SECOND_MINISTRY.toMetaData())
                .expectException(refused(RuleViolationException.class, "centre.closure-pending"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = AccountRole.class, names = {"SYSTEM", "COORDINATOR", "GRANT_OFFICER", "AUDITOR", "ADMINISTRATOR"})
    void only_the_ministry_proposes_confirms_and_withdraws_a_closing(AccountRole role) {
        Actor actor = role == AccountRole.COORDINATOR ? Actor.coordinator("k.yilmaz", VIERSEN) : Actor.of("someone", role);
        fixture.given(viersenEstablished())
                .when(new ProposeCentreClosureCommand(VIERSEN, CLOSES_ON, "Auflösung"), actor.toMetaData())
                .expectException(refused(ForbiddenException.class, "centre.close.forbidden"))
                .expectNoEvents();
        fixture.given(viersenEstablished(), proposed())
                .when(new ConfirmCentreClosureCommand(VIERSEN, CLOSES_ON), actor.toMetaData())
                .expectException(refused(ForbiddenException.class, "centre.close.forbidden"))
                .expectNoEvents();
        fixture.given(viersenEstablished(), proposed())
                .when(new WithdrawCentreClosureCommand(VIERSEN, "nein"), actor.toMetaData())
                .expectException(refused(ForbiddenException.class, "centre.close.forbidden"))
                .expectNoEvents();
    }

    @Test
    void a_closed_centre_is_not_closed_twice() {
        fixture.given(viersenEstablished(), proposed(), by(SECOND_MINISTRY, new CentreClosedEvent(VIERSEN, CLOSES_ON, REASON)))
                .when(new ProposeCentreClosureCommand(VIERSEN, LocalDate.of(2027, 12, 31), "Auflösung"), MINISTRY.toMetaData())
                .expectException(refused(RuleViolationException.class, "centre.already-closed"))
                .expectNoEvents();
    }

    @Test
    void a_centre_is_not_closed_before_it_was_established() {
        fixture.given(viersenEstablished())
                .when(new ProposeCentreClosureCommand(VIERSEN, ESTABLISHED.minusDays(1), "Irrtum"), MINISTRY.toMetaData())
                .expectException(refused(RuleViolationException.class, "centre.closed-before-established"))
                .expectNoEvents();
    }

    @Test
    void a_centre_may_close_on_the_day_it_was_established() {
        fixture.given(viersenEstablished(), by(MINISTRY, new CentreClosureProposedEvent(VIERSEN, ESTABLISHED, "Irrtümlich eingerichtet")))
                .when(new ConfirmCentreClosureCommand(VIERSEN, ESTABLISHED), SECOND_MINISTRY.toMetaData())
                .expectEvents(new CentreClosedEvent(VIERSEN, ESTABLISHED, "Irrtümlich eingerichtet"));
    }

    @Test
    void a_centre_is_open_from_its_establishment_until_the_day_before_it_closes() {
        LocalDate closedOn = LocalDate.of(2026, 6, 30);
        fixture.given(viersenEstablished(), new CentreClosedEvent(VIERSEN, closedOn, "Auflösung"))
                .whenInvoking(VIERSEN.toString(), centre -> { })
                .expectState(centre -> {
                    assertThat(centre.isOpenOn(ESTABLISHED.minusDays(1))).isFalse();
                    assertThat(centre.isOpenOn(ESTABLISHED)).isTrue();
                    assertThat(centre.isOpenOn(closedOn.minusDays(1))).isTrue();
                    assertThat(centre.isOpenOn(closedOn)).isFalse();
                    assertThat(centre.facts()).isEqualTo(new CentreRegistry.CentreFacts(VIERSEN, ESTABLISHED, closedOn));
                });
    }
}
