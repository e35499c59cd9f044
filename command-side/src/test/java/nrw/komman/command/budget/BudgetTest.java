package nrw.komman.command.budget;

import nrw.komman.command.testing.FakeCentreRegistry;
import nrw.komman.command.testing.TestBudgets;
import nrw.komman.command.testing.TestClock;
import nrw.komman.kernel.budget.BudgetId;
import nrw.komman.kernel.budget.BudgetSetEvent;
import nrw.komman.kernel.budget.SetBudgetCommand;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.grant.ProgrammePart;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static nrw.komman.command.testing.Given.by;
import static nrw.komman.command.testing.Refusal.refused;
import static org.assertj.core.api.Assertions.assertThat;

class BudgetTest {

    private static final CentreId KOELN = new CentreId("05315");
    private static final BudgetId PART_II_A = BudgetId.of(2027, ProgrammePart.PART_II_A);
    private static final BudgetId KOELN_SHARE = BudgetId.of(2027, ProgrammePart.PART_II_A, KOELN);
    private static final Actor MINISTER = Actor.of("m.schulz", AccountRole.MINISTRY);

    private AggregateTestFixture<Budget> fixture;
    private TestBudgets budgets;
    private FakeCentreRegistry centres;

    @BeforeEach
    void setUp() {
        budgets = new TestBudgets();
        fixture = new AggregateTestFixture<>(Budget.class);
        fixture.registerInjectableResource(budgets.ledger());
        centres = new FakeCentreRegistry().established(KOELN, LocalDate.of(2014, 1, 1));
        fixture.registerInjectableResource(centres);
        fixture.registerInjectableResource(TestClock.CLOCK);
    }

    @Test
    void a_closed_centre_gets_no_new_or_higher_share() {
        budgets.set(PART_II_A, "100000.00");
        centres.closed(KOELN, LocalDate.of(2014, 1, 1), TestClock.TODAY.minusDays(1));
        fixture.givenNoPriorActivity()
                .when(new SetBudgetCommand(KOELN_SHARE, euros("15000.00"), null), MINISTER.toMetaData())
                .expectException(refused(RuleViolationException.class, "centre.closed"))
                .expectNoEvents();
        budgets.set(KOELN_SHARE, "10000.00");
        BudgetSetEvent shareSet = new BudgetSetEvent(KOELN_SHARE, 2027, ProgrammePart.PART_II_A, KOELN, null,
                euros("10000.00"), null);
        fixture.given(by(MINISTER, shareSet))
                .when(new SetBudgetCommand(KOELN_SHARE, euros("10000.01"), null), MINISTER.toMetaData())
                .expectException(refused(RuleViolationException.class, "centre.closed"))
                .expectNoEvents();
    }

    @Test
    void a_closed_centres_share_can_still_be_lowered() {
        budgets.set(PART_II_A, "100000.00").set(KOELN_SHARE, "10000.00");
        centres.closed(KOELN, LocalDate.of(2014, 1, 1), TestClock.TODAY.minusDays(1));
        fixture.given(by(MINISTER, new BudgetSetEvent(KOELN_SHARE, 2027, ProgrammePart.PART_II_A, KOELN, null,
                        euros("10000.00"), null)))
                .when(new SetBudgetCommand(KOELN_SHARE, euros("0.00"), "Zentrum geschlossen"), MINISTER.toMetaData())
                .expectSuccessfulHandlerExecution();
    }

    private static Money euros(String amount) {
        return Money.parse(amount);
    }

    @Test
    void the_ministry_sets_a_budget_for_a_year_and_programme_part() {
        fixture.givenNoPriorActivity()
                .when(new SetBudgetCommand(PART_II_A, euros("2500000.00"), "Haushaltsplan 2027"), MINISTER.toMetaData())
                .expectEvents(new BudgetSetEvent(PART_II_A, 2027, ProgrammePart.PART_II_A, null, null, euros("2500000.00"),
                        "Haushaltsplan 2027"));
    }

    @Test
    void setting_it_again_records_the_previous_amount() {
        budgets.set(PART_II_A, "2500000.00");
        fixture.given(by(MINISTER, new BudgetSetEvent(PART_II_A, 2027, ProgrammePart.PART_II_A, null, null,
                        euros("2500000.00"), null)))
                .when(new SetBudgetCommand(PART_II_A, euros("2000000.00"), "Haushaltssperre"), MINISTER.toMetaData())
                .expectEvents(new BudgetSetEvent(PART_II_A, 2027, ProgrammePart.PART_II_A, null, euros("2500000.00"),
                        euros("2000000.00"), "Haushaltssperre"));
    }

    @Test
    void a_budget_never_falls_below_what_is_already_approved() {
        budgets.set(PART_II_A, "100000.00").alreadyApproved(PART_II_A, KOELN, "60000.00");
        fixture.given(by(MINISTER, new BudgetSetEvent(PART_II_A, 2027, ProgrammePart.PART_II_A, null, null,
                        euros("100000.00"), null)))
                .when(new SetBudgetCommand(PART_II_A, euros("59999.99"), null), MINISTER.toMetaData())
                .expectException(refused(RuleViolationException.class, "budget.below-approved"))
                .expectNoEvents();
        assertThat(budgets.approved(PART_II_A)).isEqualTo(euros("60000.00"));
    }

    @Test
    void a_centres_share_needs_the_state_wide_budget_first() {
        fixture.givenNoPriorActivity()
                .when(new SetBudgetCommand(KOELN_SHARE, euros("150000.00"), null), MINISTER.toMetaData())
                .expectException(refused(RuleViolationException.class, "budget.missing"))
                .expectNoEvents();
    }

    @Test
    void a_centres_share_is_set_and_never_below_what_the_centre_has_approved() {
        budgets.set(PART_II_A, "1000000.00").alreadyApproved(PART_II_A, KOELN, "80000.00");
        fixture.givenNoPriorActivity()
                .when(new SetBudgetCommand(KOELN_SHARE, euros("79999.99"), null), MINISTER.toMetaData())
                .expectException(refused(RuleViolationException.class, "budget.below-approved"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new SetBudgetCommand(KOELN_SHARE, euros("150000.00"), null), MINISTER.toMetaData())
                .expectEvents(new BudgetSetEvent(KOELN_SHARE, 2027, ProgrammePart.PART_II_A, KOELN, null,
                        euros("150000.00"), null));
    }

    @Test
    void a_share_of_a_centre_that_is_not_established_is_refused() {
        budgets.set(PART_II_A, "1000000.00");
        fixture.givenNoPriorActivity()
                .when(new SetBudgetCommand(BudgetId.of(2027, ProgrammePart.PART_II_A, new CentreId("05166")),
                        euros("1000.00"), null), MINISTER.toMetaData())
                .expectException(refused(NotFoundException.class, "centre.not-found"))
                .expectNoEvents();
    }

    @Test
    void setting_the_same_amount_again_changes_nothing() {
        budgets.set(PART_II_A, "100000.00");
        fixture.given(by(MINISTER, new BudgetSetEvent(PART_II_A, 2027, ProgrammePart.PART_II_A, null, null,
                        euros("100000.00"), null)))
                .when(new SetBudgetCommand(PART_II_A, euros("100000.00"), null), MINISTER.toMetaData())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void only_the_ministry_sets_budgets() {
        for (Actor actor : new Actor[]{Actor.of("b.officer", AccountRole.GRANT_OFFICER), Actor.coordinator("k", KOELN),
                Actor.of("audit", AccountRole.AUDITOR), Actor.of("admin", AccountRole.ADMINISTRATOR)}) {
            fixture.givenNoPriorActivity()
                    .when(new SetBudgetCommand(PART_II_A, euros("1.00"), null), actor.toMetaData())
                    .expectException(refused(ForbiddenException.class, "budget.set.forbidden"))
                    .expectNoEvents();
        }
    }
}
