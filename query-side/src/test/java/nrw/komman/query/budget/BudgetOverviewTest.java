package nrw.komman.query.budget;

import nrw.komman.kernel.budget.BudgetOverview;
import nrw.komman.kernel.budget.BudgetUse;
import nrw.komman.kernel.budget.FetchBudgetUseQuery;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.kernel.grant.Recommendation;
import nrw.komman.query.support.ReadSide;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static nrw.komman.kernel.grant.ProgrammePart.*;
import static nrw.komman.query.support.ReadSide.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Budget use of a funding year: budgets as set, money of the grants that count against them (approved,
 * usage reported, closed), state-wide per programme part and per centre.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BudgetOverviewTest {

    private final ReadSide readSide = new ReadSide();

    @BeforeEach
    void given_budgets_and_grants_in_every_status() {
        readSide.establishSomeCentres();
        readSide.establish(AACHEN, "Stadt Aachen", "Gemeinde", LocalDate.of(2014, 1, 1));
        readSide.setBudget(2025, PART_I, null, 50_000_000, "Haushaltsplan 2025");
        readSide.setBudget(2025, PART_I, KOELN, 20_000_000, "Anteil Köln");
        readSide.setBudget(2025, PART_III, null, 9_000_000, null);
        readSide.setBudget(2025, PART_II_A, AACHEN, 1_000_000, null); // a centre's share, nothing granted yet
        readSide.setBudget(2026, PART_I, null, 70_000_000, "Haushaltsplan 2026");

        // Köln, Teil I: one approved with a tranche, one closed with a partial repayment
        GrantId approved = approved(KOELN, 2025, PART_I, 8_000_000);
        readSide.disburse(approved, KOELN, 1, 3_000_000, LocalDate.of(2025, 4, 1), 0);
        GrantId closed = approved(KOELN, 2025, PART_I, 5_000_000);
        readSide.disburse(closed, KOELN, 1, 5_000_000, LocalDate.of(2025, 4, 1), 0);
        readSide.reportUsage(closed, KOELN, 5_000_000, 4_000_000, "Bericht", 12);
        readSide.close(closed, KOELN, 5_000_000, 4_000_000, "Geprüft.");
        readSide.repay(closed, KOELN, 300_000, LocalDate.of(2026, 4, 1), 1_000_000);
        // Düsseldorf, Teil I: usage reported, no share of its own
        GrantId reported = approved(DUESSELDORF, 2025, PART_I, 2_000_000);
        readSide.disburse(reported, DUESSELDORF, 1, 2_000_000, LocalDate.of(2025, 4, 1), 0);
        readSide.reportUsage(reported, DUESSELDORF, 2_000_000, 1_500_000, "Bericht", 7);
        // Viersen, Teil II B: approved, but no budget of that part was set (older data)
        approved(VIERSEN, 2025, PART_II_B, 700_000);

        // not counted: applied, reviewed, rejected, withdrawn, and another year
        readSide.apply(KOELN, 2025, PART_I, "offen", 9_900_000);
        GrantId reviewed = readSide.apply(KOELN, 2025, PART_I, "geprüft", 9_900_000);
        readSide.review(reviewed, KOELN, Recommendation.APPROVE, "ok");
        GrantId rejected = readSide.apply(DUESSELDORF, 2025, PART_I, "abgelehnt", 9_900_000);
        readSide.reject(rejected, DUESSELDORF, "nein");
        GrantId withdrawn = readSide.apply(VIERSEN, 2025, PART_II_C, "zurückgezogen", 9_900_000);
        readSide.withdrawApplication(withdrawn, VIERSEN, "doppelt");
        approved(KOELN, 2026, PART_I, 4_000_000);
    }

    private GrantId approved(CentreId centre, int year, ProgrammePart part, long cents) {
        GrantId id = readSide.apply(centre, year, part, "Maßnahme " + part, cents);
        readSide.review(id, centre, Recommendation.APPROVE, "ok");
        readSide.approve(id, centre, cents, cents, null);
        return id;
    }

    private BudgetOverview overview(int year) {
        return readSide.budgets.handle(new FetchBudgetUseQuery(year), as(MINISTRY));
    }

    private static Money cents(long cents) {
        return Money.ofCents(cents);
    }

    @Test
    void every_programme_part_with_a_budget_or_counting_grants_has_one_state_wide_row_in_programme_order() {
        BudgetOverview overview = overview(2025);

        assertThat(overview.fundingYear()).isEqualTo(2025);
        assertThat(overview.programmeParts()).containsExactly(
                new BudgetUse(2025, PART_I, null, null, cents(50_000_000), cents(15_000_000), cents(10_000_000),
                        cents(5_500_000), cents(1_000_000), cents(300_000), 3),
                new BudgetUse(2025, PART_II_A, null, null, null, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO,
                        Money.ZERO, 0),
                new BudgetUse(2025, PART_II_B, null, null, null, cents(700_000), Money.ZERO, Money.ZERO, Money.ZERO,
                        Money.ZERO, 1),
                new BudgetUse(2025, PART_III, null, null, cents(9_000_000), Money.ZERO, Money.ZERO, Money.ZERO,
                        Money.ZERO, Money.ZERO, 0));
        assertThat(overview.programmeParts().get(0).remaining()).isEqualTo(cents(35_000_000));
        assertThat(overview.programmeParts().get(2).remaining()).isNull();
    }

    @Test
    void every_centre_with_a_share_or_counting_grants_has_a_row_by_part_then_centre_key_with_its_name() {
        BudgetOverview overview = overview(2025);

        assertThat(overview.centres()).containsExactly(
                new BudgetUse(2025, PART_I, DUESSELDORF, "Stadt Düsseldorf", null, cents(2_000_000), cents(2_000_000),
                        cents(1_500_000), Money.ZERO, Money.ZERO, 1),
                new BudgetUse(2025, PART_I, KOELN, "Stadt Köln", cents(20_000_000), cents(13_000_000), cents(8_000_000),
                        cents(4_000_000), cents(1_000_000), cents(300_000), 2),
                new BudgetUse(2025, PART_II_A, AACHEN, "Stadt Aachen", cents(1_000_000), Money.ZERO, Money.ZERO,
                        Money.ZERO, Money.ZERO, Money.ZERO, 0),
                new BudgetUse(2025, PART_II_B, VIERSEN, "Kreis Viersen", null, cents(700_000), Money.ZERO, Money.ZERO,
                        Money.ZERO, Money.ZERO, 1));
        assertThat(overview.centres().get(1).remaining()).isEqualTo(cents(7_000_000));
    }

    @Test
    void another_funding_year_has_its_own_budgets_and_grants() {
        BudgetOverview overview = overview(2026);

        assertThat(overview.programmeParts()).containsExactly(new BudgetUse(2026, PART_I, null, null,
                cents(70_000_000), cents(4_000_000), Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, 1));
        assertThat(overview.centres()).extracting(BudgetUse::centreId).containsExactly(KOELN);
        assertThat(overview(2024).programmeParts()).isEmpty();
        assertThat(overview(2024).centres()).isEmpty();
    }

    @Test
    void an_amendment_counts_with_its_new_amount() {
        GrantId grant = approved(KOELN, 2025, PART_III, 4_000_000);
        readSide.amend(grant, KOELN, 4_000_000, 2_500_000, "gekürzt");

        assertThat(overview(2025).programmeParts().get(3).approved()).isEqualTo(cents(2_500_000));
        assertThat(overview(2025).programmeParts().get(3).remaining()).isEqualTo(cents(6_500_000));
    }

    @Test
    void setting_a_budget_again_replaces_its_amount_and_a_stale_redelivery_does_not_bring_the_old_one_back() {
        readSide.setBudget(2025, PART_I, null, 60_000_000, "Nachtragshaushalt");
        EventMessage<?> first = readSide.recorded().stream()
                .filter(e -> e.getPayload() instanceof nrw.komman.kernel.budget.BudgetSetEvent b
                        && b.budgetId().toString().equals("2025/PART_I"))
                .findFirst().orElseThrow();

        readSide.redeliver(first);

        assertThat(overview(2025).programmeParts().get(0).budget()).isEqualTo(cents(60_000_000));
        assertThat(readSide.jdbc.getJdbcOperations().queryForObject(
                "select reason from budget_view where budget_id = '2025/PART_I'", String.class))
                .isEqualTo("Nachtragshaushalt");
    }

    @Test
    void a_budget_event_delivered_twice_is_stored_once() {
        BudgetOverview before = overview(2025);

        readSide.recorded().stream().filter(e -> e.getPayload() instanceof nrw.komman.kernel.budget.BudgetSetEvent)
                .forEach(readSide::redeliver);

        assertThat(readSide.rows("budget_view")).isEqualTo(5);
        assertThat(overview(2025)).isEqualTo(before);
    }

    @Test
    void the_reset_empties_the_budgets_and_a_replay_gives_the_same_overview() {
        BudgetOverview before = overview(2025);

        readSide.reset();

        assertThat(readSide.rows("budget_view")).isZero();
        assertThat(overview(2025).programmeParts()).isEmpty();
        assertThat(overview(2025).centres()).isEmpty();

        readSide.replay();

        assertThat(overview(2025)).isEqualTo(before);
    }

    @Test
    void a_funding_year_outside_the_programme_is_refused_as_invalid_input() {
        assertThatThrownBy(() -> overview(1999)).isInstanceOf(InvalidInputException.class);
    }

    /** Keeps the test data honest: the figures above sum the rows below them. */
    @Test
    void the_state_wide_rows_sum_their_centres() {
        BudgetOverview overview = overview(2025);
        for (BudgetUse part : overview.programmeParts()) {
            List<BudgetUse> centres = overview.centres().stream()
                    .filter(c -> c.programmePart() == part.programmePart()).toList();
            assertThat(centres.stream().mapToLong(c -> c.approved().cents()).sum()).isEqualTo(part.approved().cents());
            assertThat(centres.stream().mapToInt(BudgetUse::grants).sum()).isEqualTo(part.grants());
        }
    }
}
