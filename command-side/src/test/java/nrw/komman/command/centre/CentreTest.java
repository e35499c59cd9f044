package nrw.komman.command.centre;

import nrw.komman.kernel.centre.CentreClosedEvent;
import nrw.komman.kernel.centre.CentreEstablishedEvent;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.CloseCentreCommand;
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

    @Test
    void the_ministry_closes_a_centre() {
        LocalDate closedOn = LocalDate.of(2026, 12, 31);
        fixture.given(viersenEstablished())
                .when(new CloseCentreCommand(VIERSEN, closedOn, "Zusammenlegung mit dem Nachbarkreis"), MINISTRY.toMetaData())
                .expectEvents(new CentreClosedEvent(VIERSEN, closedOn, "Zusammenlegung mit dem Nachbarkreis"));
    }

    @ParameterizedTest
    @EnumSource(value = AccountRole.class, names = {"SYSTEM", "COORDINATOR", "GRANT_OFFICER", "AUDITOR", "ADMINISTRATOR"})
    void only_the_ministry_closes_a_centre(AccountRole role) {
        Actor actor = role == AccountRole.COORDINATOR ? Actor.coordinator("k.yilmaz", VIERSEN) : Actor.of("someone", role);
        fixture.given(viersenEstablished())
                .when(new CloseCentreCommand(VIERSEN, LocalDate.of(2026, 12, 31), "Auflösung"), actor.toMetaData())
                .expectException(refused(ForbiddenException.class, "centre.close.forbidden"))
                .expectNoEvents();
    }

    @Test
    void a_closed_centre_is_not_closed_twice() {
        fixture.given(viersenEstablished(), new CentreClosedEvent(VIERSEN, LocalDate.of(2026, 6, 30), "Auflösung"))
                .when(new CloseCentreCommand(VIERSEN, LocalDate.of(2026, 12, 31), "Auflösung"), MINISTRY.toMetaData())
                .expectException(refused(RuleViolationException.class, "centre.already-closed"))
                .expectNoEvents();
    }

    @Test
    void a_centre_is_not_closed_before_it_was_established() {
        fixture.given(viersenEstablished())
                .when(new CloseCentreCommand(VIERSEN, ESTABLISHED.minusDays(1), "Irrtum"), MINISTRY.toMetaData())
                .expectException(refused(RuleViolationException.class, "centre.closed-before-established"))
                .expectNoEvents();
    }

    @Test
    void a_centre_may_close_on_the_day_it_was_established() {
        fixture.given(viersenEstablished())
                .when(new CloseCentreCommand(VIERSEN, ESTABLISHED, "Irrtümlich eingerichtet"), MINISTRY.toMetaData())
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
