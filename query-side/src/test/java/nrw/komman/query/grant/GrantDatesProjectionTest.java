package nrw.komman.query.grant;

import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.grant.DecisionOverdueEvent;
import nrw.komman.kernel.grant.FetchGrantHistoryQuery;
import nrw.komman.kernel.grant.FetchProgrammeDatesQuery;
import nrw.komman.kernel.grant.FindGrantQuery;
import nrw.komman.kernel.grant.FindGrantsQuery;
import nrw.komman.kernel.grant.GrantApprovedEvent;
import nrw.komman.kernel.grant.GrantHistoryEntry;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.GrantTranche;
import nrw.komman.kernel.grant.GrantView;
import nrw.komman.kernel.grant.ProgrammeDates;
import nrw.komman.kernel.grant.ProgrammeDatesOverview;
import nrw.komman.kernel.grant.ProgrammeDatesSetEvent;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.kernel.grant.Recommendation;
import nrw.komman.kernel.grant.ReviewOverdueEvent;
import nrw.komman.kernel.grant.TrancheSpendingOverdueEvent;
import nrw.komman.kernel.grant.TrancheSpentReportedEvent;
import nrw.komman.kernel.grant.UsageReportDueExtendedEvent;
import nrw.komman.kernel.grant.UsageReportDueSoonEvent;
import nrw.komman.kernel.grant.UsageReportOverdueEvent;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.query.support.ReadSide;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static nrw.komman.query.support.ReadSide.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dates that matter in a grant (issue 19) as the register, the history and the programme's dates show them. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GrantDatesProjectionTest {

    private static final LocalDate DEFAULT_DUE = LocalDate.of(2026, 6, 30); // 2025 plus six months
    private final ReadSide readSide = new ReadSide();

    @BeforeEach
    void given_some_centres() {
        readSide.establishSomeCentres();
    }

    private GrantView grant(GrantId id) {
        return readSide.grants.handle(new FindGrantQuery(id), as(GRANT_OFFICER));
    }

    private GrantHistoryEntry lastFact(GrantId id) {
        List<GrantHistoryEntry> entries = readSide.grants.handle(new FetchGrantHistoryQuery(id), as(AUDITOR)).entries();
        return entries.get(entries.size() - 1);
    }

    private GrantId approved() {
        GrantId id = readSide.apply(KOELN, 2025, ProgrammePart.PART_II_A, "Ankommenstreffpunkte", 12_000_000);
        readSide.review(id, KOELN, Recommendation.APPROVE, "Förderfähig.");
        readSide.approve(id, KOELN, 12_000_000, 10_000_000, "Bewilligt.");
        return id;
    }

    @Test
    void an_approval_without_its_own_date_has_the_programme_parts_default_and_nothing_is_overdue() {
        GrantId id = approved();

        GrantView view = grant(id);
        assertThat(view.usageReportDue()).isEqualTo(DEFAULT_DUE)
                .isEqualTo(ProgrammeDates.defaults(ProgrammePart.PART_II_A).usageReportDue(2025));
        assertThat(view.overdue()).isFalse();
        assertThat(view.tranches()).isEmpty();
    }

    @Test
    void an_approval_with_its_own_date_keeps_it() {
        GrantId id = readSide.apply(KOELN, 2025, ProgrammePart.PART_I, "Koordinierung", 5_000_000);
        readSide.review(id, KOELN, Recommendation.APPROVE, null);
        readSide.publish(new GrantApprovedEvent(id, KOELN, Money.ofCents(5_000_000), Money.ofCents(5_000_000), null,
                LocalDate.of(2025, 3, 3), LocalDate.of(2026, 3, 31)), MINISTRY);

        assertThat(grant(id).usageReportDue()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(readSide.grants.handle(new FindGrantQuery(id), as(AUDITOR)).usageReportDue()).isEqualTo(LocalDate.of(2026, 3, 31));
    }

    @Test
    void a_grant_never_approved_has_no_due_date() {
        GrantId id = readSide.apply(KOELN, 2025, ProgrammePart.PART_I, "Koordinierung", 5_000_000);

        assertThat(grant(id).usageReportDue()).isNull();
    }

    @Test
    void the_reminder_is_a_fact_with_its_due_date_and_changes_nothing_else() {
        GrantId id = approved();
        readSide.publish(new UsageReportDueSoonEvent(id, KOELN, DEFAULT_DUE, LocalDate.of(2026, 6, 2)), Actor.SYSTEM);

        GrantHistoryEntry fact = lastFact(id);
        assertThat(fact.fact()).isEqualTo("USAGE_REPORT_DUE_SOON");
        assertThat(fact.dueOn()).isEqualTo(DEFAULT_DUE);
        assertThat(fact.dueBefore()).isNull();
        assertThat(fact.actorRole()).isEqualTo(nrw.komman.kernel.common.AccountRole.SYSTEM);
        assertThat(grant(id).overdue()).isFalse();
        assertThat(grant(id).usageReportDue()).isEqualTo(DEFAULT_DUE);
    }

    @Test
    void an_overdue_usage_report_is_marked_until_an_extension_moves_the_date() {
        GrantId id = approved();
        readSide.publish(new UsageReportOverdueEvent(id, KOELN, DEFAULT_DUE, LocalDate.of(2026, 7, 1)), Actor.SYSTEM);

        assertThat(grant(id).usageReportOverdue()).isTrue();
        assertThat(grant(id).overdue()).isTrue();
        assertThat(lastFact(id).fact()).isEqualTo("USAGE_REPORT_OVERDUE");
        assertThat(lastFact(id).dueOn()).isEqualTo(DEFAULT_DUE);

        LocalDate later = LocalDate.of(2026, 9, 30);
        readSide.publish(new UsageReportDueExtendedEvent(id, KOELN, DEFAULT_DUE, later, "Personalwechsel",
                LocalDate.of(2026, 7, 2)), GRANT_OFFICER);

        GrantView view = grant(id);
        assertThat(view.usageReportDue()).isEqualTo(later);
        assertThat(view.usageReportOverdue()).isFalse();
        assertThat(view.overdue()).isFalse();
        GrantHistoryEntry extension = lastFact(id);
        assertThat(extension.fact()).isEqualTo("USAGE_REPORT_DUE_EXTENDED");
        assertThat(extension.dueBefore()).isEqualTo(DEFAULT_DUE);
        assertThat(extension.dueOn()).isEqualTo(later);
        assertThat(extension.reason()).isEqualTo("Personalwechsel");
        assertThat(extension.actorAccount()).isEqualTo("bezreg.arnsberg");
    }

    @Test
    void the_usage_report_ends_what_was_overdue() {
        GrantId id = approved();
        readSide.disburse(id, KOELN, 1, 10_000_000, LocalDate.of(2025, 4, 10), 0);
        readSide.publish(new TrancheSpendingOverdueEvent(id, KOELN, 1, Money.ofCents(10_000_000), LocalDate.of(2025, 4, 10),
                LocalDate.of(2025, 6, 10), LocalDate.of(2025, 6, 11)), Actor.SYSTEM);
        readSide.publish(new UsageReportOverdueEvent(id, KOELN, DEFAULT_DUE, LocalDate.of(2026, 7, 1)), Actor.SYSTEM);
        assertThat(grant(id).overdue()).isTrue();

        readSide.reportUsage(id, KOELN, 10_000_000, 9_000_000, "Bericht", 12);

        assertThat(grant(id).overdue()).isFalse();
        assertThat(grant(id).overdueTranches()).isEmpty();
    }

    @Test
    void each_disbursed_tranche_is_listed_with_its_spending_due_two_months_later() {
        GrantId id = approved();
        readSide.disburse(id, KOELN, 1, 6_000_000, LocalDate.of(2025, 4, 10), 0);
        readSide.disburse(id, KOELN, 2, 4_000_000, LocalDate.of(2025, 9, 1), 6_000_000);

        assertThat(grant(id).tranches()).containsExactly(
                new GrantTranche(1, Money.ofCents(6_000_000), LocalDate.of(2025, 4, 10), LocalDate.of(2025, 6, 10), null, false),
                new GrantTranche(2, Money.ofCents(4_000_000), LocalDate.of(2025, 9, 1), LocalDate.of(2025, 11, 1), null, false));
        // the list of grants carries them too, for the worklists
        assertThat(readSide.grants.handle(new FindGrantsQuery(KOELN, null, null), as(COORDINATOR_KOELN)))
                .singleElement().satisfies(g -> assertThat(g.tranches()).hasSize(2));
    }

    @Test
    void a_tranche_overdue_is_marked_until_the_centre_reports_it_spent() {
        GrantId id = approved();
        readSide.disburse(id, KOELN, 1, 6_000_000, LocalDate.of(2025, 4, 10), 0);
        readSide.disburse(id, KOELN, 2, 4_000_000, LocalDate.of(2025, 9, 1), 6_000_000);
        readSide.publish(new TrancheSpendingOverdueEvent(id, KOELN, 1, Money.ofCents(6_000_000), LocalDate.of(2025, 4, 10),
                LocalDate.of(2025, 6, 10), LocalDate.of(2025, 6, 11)), Actor.SYSTEM);

        GrantView view = grant(id);
        assertThat(view.overdue()).isTrue();
        assertThat(view.overdueTranches()).extracting(GrantTranche::tranche).containsExactly(1);
        GrantHistoryEntry overdue = lastFact(id);
        assertThat(overdue.fact()).isEqualTo("TRANCHE_SPENDING_OVERDUE");
        assertThat(overdue.amount()).isEqualTo(Money.ofCents(6_000_000));
        assertThat(overdue.dueOn()).isEqualTo(LocalDate.of(2025, 6, 10));
        assertThat(overdue.reason()).isEqualTo("Tranche 1, ausgezahlt am 10.04.2025");

        readSide.publish(new TrancheSpentReportedEvent(id, KOELN, 1, LocalDate.of(2025, 6, 20)), COORDINATOR_KOELN);

        view = grant(id);
        assertThat(view.overdue()).isFalse();
        assertThat(view.tranches().get(0).spentReportedOn()).isEqualTo(LocalDate.of(2025, 6, 20));
        assertThat(view.tranches().get(0).open()).isFalse();
        assertThat(view.tranches().get(1).open()).isTrue();
        GrantHistoryEntry spent = lastFact(id);
        assertThat(spent.fact()).isEqualTo("TRANCHE_SPENT_REPORTED");
        assertThat(spent.amount()).isEqualTo(Money.ofCents(6_000_000));
        assertThat(spent.reason()).isEqualTo("Tranche 1");
        assertThat(spent.actorAccount()).isEqualTo("koordination.koeln");
    }

    @Test
    void a_tranche_reported_spent_in_time_is_never_marked_overdue_by_a_late_notice() {
        GrantId id = approved();
        readSide.disburse(id, KOELN, 1, 6_000_000, LocalDate.of(2025, 4, 10), 0);
        readSide.publish(new TrancheSpentReportedEvent(id, KOELN, 1, LocalDate.of(2025, 5, 2)), COORDINATOR_KOELN);
        readSide.publish(new TrancheSpendingOverdueEvent(id, KOELN, 1, Money.ofCents(6_000_000), LocalDate.of(2025, 4, 10),
                LocalDate.of(2025, 6, 10), LocalDate.of(2025, 6, 11)), Actor.SYSTEM);

        assertThat(grant(id).overdueTranches()).isEmpty();
    }

    @Test
    void a_tranche_the_register_did_not_know_gets_its_row_from_the_overdue_fact() {
        GrantId id = approved();
        // as after an upgrade: the disbursement was projected before tranches had rows
        readSide.jdbc.getJdbcOperations().update("delete from grant_tranche");
        readSide.publish(new TrancheSpendingOverdueEvent(id, KOELN, 1, Money.ofCents(6_000_000), LocalDate.of(2025, 4, 10),
                LocalDate.of(2025, 6, 10), LocalDate.of(2025, 6, 11)), Actor.SYSTEM);

        assertThat(grant(id).tranches()).containsExactly(
                new GrantTranche(1, Money.ofCents(6_000_000), LocalDate.of(2025, 4, 10), LocalDate.of(2025, 6, 10), null, true));
    }

    @Test
    void an_overdue_review_is_marked_until_the_review() {
        GrantId id = readSide.apply(KOELN, 2025, ProgrammePart.PART_I, "Koordinierung", 5_000_000);
        readSide.publish(new ReviewOverdueEvent(id, KOELN, LocalDate.of(2025, 1, 10), LocalDate.of(2025, 2, 21),
                LocalDate.of(2025, 2, 22)), Actor.SYSTEM);

        assertThat(grant(id).reviewOverdue()).isTrue();
        assertThat(lastFact(id).fact()).isEqualTo("REVIEW_OVERDUE");
        assertThat(lastFact(id).dueOn()).isEqualTo(LocalDate.of(2025, 2, 21));

        readSide.review(id, KOELN, Recommendation.APPROVE, null);
        assertThat(grant(id).reviewOverdue()).isFalse();
        assertThat(grant(id).overdue()).isFalse();
    }

    @Test
    void an_overdue_decision_is_marked_until_the_decision() {
        GrantId approvedLater = readSide.apply(KOELN, 2025, ProgrammePart.PART_I, "Koordinierung", 5_000_000);
        GrantId rejectedLater = readSide.apply(DUESSELDORF, 2025, ProgrammePart.PART_I, "Koordinierung", 5_000_000);
        for (GrantId id : List.of(approvedLater, rejectedLater)) {
            nrw.komman.kernel.centre.CentreId centre = id.equals(approvedLater) ? KOELN : DUESSELDORF;
            readSide.review(id, centre, Recommendation.APPROVE, null);
            readSide.publish(new DecisionOverdueEvent(id, centre, LocalDate.of(2025, 2, 1), LocalDate.of(2025, 3, 1),
                    LocalDate.of(2025, 3, 2)), Actor.SYSTEM);
            assertThat(grant(id).decisionOverdue()).isTrue();
            assertThat(lastFact(id).fact()).isEqualTo("DECISION_OVERDUE");
        }

        readSide.approve(approvedLater, KOELN, 5_000_000, 5_000_000, null);
        readSide.reject(rejectedLater, DUESSELDORF, "Doppelförderung");

        assertThat(grant(approvedLater).decisionOverdue()).isFalse();
        assertThat(grant(rejectedLater).decisionOverdue()).isFalse();
    }

    @Test
    void a_fact_of_a_date_delivered_twice_is_recorded_once() {
        GrantId id = approved();
        EventMessage<?> overdue = readSide.publish(new UsageReportOverdueEvent(id, KOELN, DEFAULT_DUE,
                LocalDate.of(2026, 7, 1)), Actor.SYSTEM);
        readSide.publish(new UsageReportDueExtendedEvent(id, KOELN, DEFAULT_DUE, LocalDate.of(2026, 9, 30), "Krankheit",
                LocalDate.of(2026, 7, 2)), GRANT_OFFICER);

        readSide.redeliver(overdue);

        assertThat(grant(id).usageReportOverdue()).isFalse();
        assertThat(readSide.grants.handle(new FetchGrantHistoryQuery(id), as(AUDITOR)).entries())
                .filteredOn(e -> e.fact().equals("USAGE_REPORT_OVERDUE")).hasSize(1);
    }

    @Test
    void a_replay_gives_the_same_dates() {
        GrantId id = approved();
        readSide.disburse(id, KOELN, 1, 6_000_000, LocalDate.of(2025, 4, 10), 0);
        readSide.publish(new TrancheSpendingOverdueEvent(id, KOELN, 1, Money.ofCents(6_000_000), LocalDate.of(2025, 4, 10),
                LocalDate.of(2025, 6, 10), LocalDate.of(2025, 6, 11)), Actor.SYSTEM);
        readSide.publish(new UsageReportOverdueEvent(id, KOELN, DEFAULT_DUE, LocalDate.of(2026, 7, 1)), Actor.SYSTEM);
        GrantView before = grant(id);
        List<GrantHistoryEntry> history = readSide.grants.handle(new FetchGrantHistoryQuery(id), as(AUDITOR)).entries();

        readSide.resetAndReplay();

        assertThat(grant(id)).isEqualTo(before);
        assertThat(readSide.grants.handle(new FetchGrantHistoryQuery(id), as(AUDITOR)).entries()).isEqualTo(history);
    }

    // ---- the programme's dates ------------------------------------------------------------------

    @Test
    void every_programme_part_has_the_defaults_until_the_ministry_sets_its_dates() {
        ProgrammeDatesOverview overview = readSide.programmeDates.handle(new FetchProgrammeDatesQuery(), as(MINISTRY));

        assertThat(overview.parts()).hasSize(ProgrammePart.values().length);
        assertThat(overview.parts()).allSatisfy(row -> {
            assertThat(row.set()).isFalse();
            assertThat(row.dates()).isEqualTo(ProgrammeDates.defaults(row.dates().part()));
            assertThat(row.setAt()).isNull();
        });
    }

    @Test
    void the_dates_the_ministry_set_are_shown_for_their_part_with_who_and_when() {
        ProgrammeDates shorter = new ProgrammeDates(ProgrammePart.PART_II_B, 3, 2, 8, 5);
        EventMessage<?> first = readSide.publish(new ProgrammeDatesSetEvent("PART_II_B",
                ProgrammeDates.defaults(ProgrammePart.PART_II_B), shorter, "Kürzer"), MINISTRY);
        ProgrammeDates again = new ProgrammeDates(ProgrammePart.PART_II_B, 4, 2, 8, 5);
        readSide.publish(new ProgrammeDatesSetEvent("PART_II_B", shorter, again, null), MINISTRY);
        readSide.redeliver(first); // an older setting delivered again never overwrites the newer one

        ProgrammeDatesOverview overview = readSide.programmeDates.handle(new FetchProgrammeDatesQuery(), as(COORDINATOR_KOELN));

        ProgrammeDatesOverview.Row row = overview.parts().get(ProgrammePart.PART_II_B.ordinal());
        assertThat(row.dates()).isEqualTo(again);
        assertThat(row.set()).isTrue();
        assertThat(row.setBy()).isEqualTo("ministerium");
        assertThat(row.setAt()).isNotNull();
        assertThat(overview.parts().get(ProgrammePart.PART_I.ordinal()).set()).isFalse();
    }

    @Test
    void the_programme_dates_are_for_those_who_read_grants() {
        assertThatThrownBy(() -> readSide.programmeDates.handle(new FetchProgrammeDatesQuery(), as(ADMINISTRATOR)))
                .isInstanceOf(ForbiddenException.class);
    }
}
