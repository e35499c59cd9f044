package nrw.komman.query.ministry;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.centre.CentreClosedEvent;
import nrw.komman.kernel.centre.Regierungsbezirk;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.GrantStatus;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.kernel.grant.Recommendation;
import nrw.komman.kernel.ministry.CentreFigures;
import nrw.komman.kernel.ministry.FetchMinistryOverviewQuery;
import nrw.komman.kernel.ministry.Figures;
import nrw.komman.kernel.ministry.MinistryOverview;
import nrw.komman.kernel.ministry.RegionFigures;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.query.support.ReadSide;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static nrw.komman.kernel.activity.ActivityCategory.*;
import static nrw.komman.query.support.ReadSide.*;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MinistryOverviewTest {

    private final ReadSide readSide = new ReadSide();
    private GrantId koelnApproved;

    @BeforeEach
    void given_activities_and_grants_in_two_regions() {
        readSide.establishSomeCentres();
        readSide.establish(DORTMUND, "Stadt Dortmund", "Kreisfreie Stadt", LocalDate.of(2013, 1, 1));
        readSide.establish(AACHEN, "Stadt Aachen", "Gemeinde", LocalDate.of(2014, 1, 1));
        VolunteerId k1 = readSide.register(KOELN, "K Eins", "k1@example.org", Set.of("de"), Set.of(), LocalDate.of(2024, 1, 1));
        VolunteerId k2 = readSide.register(KOELN, "K Zwei", "k2@example.org", Set.of("de"), Set.of(), LocalDate.of(2024, 1, 1));
        VolunteerId k3 = readSide.register(KOELN, "K Drei", "k3@example.org", Set.of("de"), Set.of(), LocalDate.of(2024, 1, 1));
        readSide.deactivate(k3, KOELN);
        VolunteerId d1 = readSide.register(DUESSELDORF, "D Eins", "d1@example.org", Set.of("de"), Set.of(), LocalDate.of(2024, 1, 1));
        readSide.log(k1, KOELN, LocalDate.of(2025, 1, 5), 60, LANGUAGE_SUPPORT, null);
        readSide.log(k2, KOELN, LocalDate.of(2025, 2, 5), 90, ACCOMPANIMENT, null);
        readSide.log(k2, KOELN, LocalDate.of(2024, 12, 5), 500, ACCOMPANIMENT, null); // another funding year
        readSide.log(d1, DUESSELDORF, LocalDate.of(2025, 3, 5), 30, LANGUAGE_SUPPORT, null);

        koelnApproved = readSide.apply(KOELN, 2025, ProgrammePart.PART_I, "A", 10_000_000);
        readSide.review(koelnApproved, KOELN, Recommendation.APPROVE, "ok");
        readSide.approve(koelnApproved, KOELN, 10_000_000, 7_500_000, null);
        readSide.apply(KOELN, 2025, ProgrammePart.PART_II_A, "B", 2_000_000);
        GrantId withdrawn = readSide.apply(DUESSELDORF, 2025, ProgrammePart.PART_II_B, "C", 1_000_000);
        readSide.withdrawApplication(withdrawn, DUESSELDORF, "zurück");
        readSide.apply(DUESSELDORF, 2026, ProgrammePart.PART_I, "next year", 9_999_900);
    }

    private MinistryOverview overview(int year) {
        return readSide.ministry.handle(new FetchMinistryOverviewQuery(year), as(MINISTRY));
    }

    private static Figures of(MinistryOverview overview, nrw.komman.kernel.centre.CentreId centreId) {
        return overview.centres().stream().filter(c -> c.centreId().equals(centreId))
                .map(CentreFigures::figures).findFirst().orElseThrow();
    }

    @Test
    void every_established_centre_appears_ordered_by_key_even_without_figures() {
        MinistryOverview overview = overview(2025);

        assertThat(overview.fundingYear()).isEqualTo(2025);
        assertThat(overview.centres()).extracting(c -> c.centreId().value())
                .containsExactly("05111", "05166", "05315", "05334002", "05913");
        assertThat(overview.centres().get(1).name()).isEqualTo("Kreis Viersen");
        Figures dortmund = of(overview, DORTMUND);
        assertThat(dortmund.activeVolunteers()).isZero();
        assertThat(dortmund.minutes()).isZero();
        assertThat(dortmund.requested()).isEqualTo(Money.ZERO);
        assertThat(dortmund.disbursed()).isEqualTo(Money.ZERO);
        assertThat(dortmund.spent()).isEqualTo(Money.ZERO);
        assertThat(dortmund.reclaimed()).isEqualTo(Money.ZERO);
        assertThat(dortmund.repaid()).isEqualTo(Money.ZERO);
        assertThat(dortmund.activitiesByCategory()).containsOnlyKeys(ActivityCategory.values()).allSatisfy((k, v) -> assertThat(v).isZero());
        assertThat(dortmund.grantsByStatus()).containsOnlyKeys(GrantStatus.values());
    }

    @Test
    void a_centre_established_after_the_funding_year_is_not_part_of_it() {
        assertThat(overview(2018).centres()).extracting(c -> c.centreId().value())
                .containsExactly("05111", "05315", "05334002", "05913");
    }

    @Test
    void a_centre_closed_before_the_funding_year_is_not_part_of_it() {
        readSide.publish(new CentreClosedEvent(DORTMUND, LocalDate.of(2024, 12, 31), "geschlossen"), MINISTRY);
        assertThat(overview(2025).centres()).extracting(c -> c.centreId().value()).doesNotContain("05913");
        assertThat(overview(2024).centres()).extracting(c -> c.centreId().value()).contains("05913");
    }

    @Test
    void a_centre_counts_its_active_volunteers_its_activities_of_the_year_and_its_grants_of_the_year() {
        Figures koeln = of(overview(2025), KOELN);

        assertThat(koeln.activeVolunteers()).isEqualTo(2);
        assertThat(koeln.activities()).isEqualTo(2);
        assertThat(koeln.minutes()).isEqualTo(150);
        assertThat(koeln.activitiesByCategory().get(LANGUAGE_SUPPORT)).isEqualTo(1);
        assertThat(koeln.minutesByCategory().get(ACCOMPANIMENT)).isEqualTo(90);
        assertThat(koeln.grantsByStatus().get(GrantStatus.APPROVED)).isEqualTo(1);
        assertThat(koeln.grantsByStatus().get(GrantStatus.APPLIED)).isEqualTo(1);
        assertThat(koeln.grantsByStatus().get(GrantStatus.REJECTED)).isZero();
        assertThat(koeln.requested()).isEqualTo(Money.ofCents(12_000_000));
        assertThat(koeln.approved()).isEqualTo(Money.ofCents(7_500_000));
    }

    @Test
    void a_withdrawn_application_is_counted_by_status_but_no_longer_as_requested() {
        Figures duesseldorf = of(overview(2025), DUESSELDORF);

        assertThat(duesseldorf.grantsByStatus().get(GrantStatus.WITHDRAWN)).isEqualTo(1);
        assertThat(duesseldorf.requested()).isEqualTo(Money.ZERO);
        assertThat(of(overview(2026), DUESSELDORF).requested()).isEqualTo(Money.ofCents(9_999_900));
    }

    @Test
    void regions_and_the_state_sum_up_their_centres_and_every_region_appears() {
        MinistryOverview overview = overview(2025);

        assertThat(overview.regions()).extracting(RegionFigures::regierungsbezirk)
                .containsExactly(Regierungsbezirk.values());
        RegionFigures duesseldorf = overview.regions().get(0);
        assertThat(duesseldorf.centres()).isEqualTo(2);
        assertThat(duesseldorf.figures().activeVolunteers()).isEqualTo(1);
        assertThat(duesseldorf.figures().minutes()).isEqualTo(30);
        RegionFigures koeln = overview.regions().get(1);
        assertThat(koeln.centres()).isEqualTo(2);
        assertThat(koeln.figures().activeVolunteers()).isEqualTo(2);
        assertThat(overview.regions().get(2).centres()).isZero();
        assertThat(overview.regions().get(2).figures().grantsByStatus()).containsOnlyKeys(GrantStatus.values());
        assertThat(overview.regions().get(4).centres()).isEqualTo(1);

        Figures state = overview.state();
        assertThat(state.activeVolunteers()).isEqualTo(3);
        assertThat(state.activities()).isEqualTo(3);
        assertThat(state.minutes()).isEqualTo(180);
        assertThat(state.minutesByCategory().get(LANGUAGE_SUPPORT)).isEqualTo(90);
        assertThat(state.grantsByStatus()).containsEntry(GrantStatus.APPROVED, 1L).containsEntry(GrantStatus.APPLIED, 1L)
                .containsEntry(GrantStatus.WITHDRAWN, 1L).containsEntry(GrantStatus.REVIEWED, 0L);
        assertThat(state.requested()).isEqualTo(Money.ofCents(12_000_000));
        assertThat(state.approved()).isEqualTo(Money.ofCents(7_500_000));
    }

    private GrantId approved(nrw.komman.kernel.centre.CentreId centre, int year, long cents) {
        GrantId id = readSide.apply(centre, year, ProgrammePart.PART_II_A, "Maßnahme " + year, cents);
        readSide.review(id, centre, Recommendation.APPROVE, "ok");
        readSide.approve(id, centre, cents, cents, null);
        return id;
    }

    private void overdue(GrantId grant, nrw.komman.kernel.centre.CentreId centre, LocalDate dueOn) {
        readSide.publish(new nrw.komman.kernel.grant.UsageReportOverdueEvent(grant, centre, dueOn, dueOn.plusDays(1)),
                nrw.komman.kernel.common.Actor.SYSTEM);
    }

    @Test
    void usage_reports_overdue_now_count_per_centre_region_and_state_until_submitted_or_given_a_later_day() {
        LocalDate due = LocalDate.of(2026, 6, 30);
        overdue(koelnApproved, KOELN, due);
        GrantId dortmund = approved(DORTMUND, 2025, 1_000_000);
        overdue(dortmund, DORTMUND, due);
        GrantId extended = approved(DORTMUND, 2025, 1_000_000);
        overdue(extended, DORTMUND, due);
        readSide.publish(new nrw.komman.kernel.grant.UsageReportDueExtendedEvent(extended, DORTMUND, due, due.plusMonths(3),
                "Krankheit", due.plusDays(3)), GRANT_OFFICER);
        GrantId nextYear = approved(DUESSELDORF, 2026, 500_000);
        overdue(nextYear, DUESSELDORF, LocalDate.of(2027, 6, 30));

        MinistryOverview overview = overview(2025);
        assertThat(of(overview, KOELN).usageReportsOverdue()).isEqualTo(1);
        assertThat(of(overview, DORTMUND).usageReportsOverdue()).as("the extended one is not overdue").isEqualTo(1);
        assertThat(of(overview, DUESSELDORF).usageReportsOverdue()).as("a grant of another year").isZero();
        assertThat(overview.regions().get(1).figures().usageReportsOverdue()).isEqualTo(1);
        assertThat(overview.regions().get(4).figures().usageReportsOverdue()).isEqualTo(1);
        assertThat(overview.state().usageReportsOverdue()).isEqualTo(2);

        readSide.reportUsage(koelnApproved, KOELN, 0, 0, "Bericht", 3);
        assertThat(overview(2025).state().usageReportsOverdue()).as("submitted late: no longer overdue").isEqualTo(1);
    }

    @Test
    void disbursed_spent_reclaimed_and_repaid_money_is_summed_per_centre_region_and_state_for_the_funding_year() {
        readSide.disburse(koelnApproved, KOELN, 1, 2_000_000, LocalDate.of(2025, 4, 1), 0);
        GrantId koelnClosed = approved(KOELN, 2025, 4_000_000);
        readSide.disburse(koelnClosed, KOELN, 1, 4_000_000, LocalDate.of(2025, 4, 1), 0);
        readSide.reportUsage(koelnClosed, KOELN, 4_000_000, 3_000_000, "Bericht", 20);
        readSide.close(koelnClosed, KOELN, 4_000_000, 3_000_000, "Geprüft.");
        readSide.repay(koelnClosed, KOELN, 250_000, LocalDate.of(2026, 4, 1), 1_000_000);
        GrantId dortmundReported = approved(DORTMUND, 2025, 1_000_000);
        readSide.disburse(dortmundReported, DORTMUND, 1, 1_000_000, LocalDate.of(2025, 4, 1), 0);
        readSide.reportUsage(dortmundReported, DORTMUND, 1_000_000, 1_000_000, "Bericht", 5);
        GrantId duesseldorfNextYear = approved(DUESSELDORF, 2026, 500_000);
        readSide.disburse(duesseldorfNextYear, DUESSELDORF, 1, 500_000, LocalDate.of(2026, 2, 1), 0);

        MinistryOverview overview = overview(2025);

        Figures koeln = of(overview, KOELN);
        assertThat(koeln.disbursed()).isEqualTo(Money.ofCents(6_000_000));
        assertThat(koeln.spent()).isEqualTo(Money.ofCents(3_000_000));
        assertThat(koeln.reclaimed()).isEqualTo(Money.ofCents(1_000_000));
        assertThat(koeln.repaid()).isEqualTo(Money.ofCents(250_000));
        Figures dortmund = of(overview, DORTMUND);
        assertThat(dortmund.disbursed()).isEqualTo(Money.ofCents(1_000_000));
        assertThat(dortmund.spent()).isEqualTo(Money.ofCents(1_000_000));
        assertThat(dortmund.reclaimed()).isEqualTo(Money.ZERO);
        assertThat(of(overview, DUESSELDORF).disbursed()).isEqualTo(Money.ZERO);

        Figures regionKoeln = overview.regions().get(1).figures();
        assertThat(regionKoeln.disbursed()).isEqualTo(Money.ofCents(6_000_000));
        assertThat(regionKoeln.repaid()).isEqualTo(Money.ofCents(250_000));
        Figures regionArnsberg = overview.regions().get(4).figures();
        assertThat(regionArnsberg.spent()).isEqualTo(Money.ofCents(1_000_000));
        assertThat(overview.regions().get(0).figures().disbursed()).isEqualTo(Money.ZERO);

        Figures state = overview.state();
        assertThat(state.disbursed()).isEqualTo(Money.ofCents(7_000_000));
        assertThat(state.spent()).isEqualTo(Money.ofCents(4_000_000));
        assertThat(state.reclaimed()).isEqualTo(Money.ofCents(1_000_000));
        assertThat(state.repaid()).isEqualTo(Money.ofCents(250_000));
        assertThat(state.approved()).isEqualTo(Money.ofCents(7_500_000 + 4_000_000 + 1_000_000));

        assertThat(overview(2026).state().disbursed()).isEqualTo(Money.ofCents(500_000));
    }

    @Test
    void the_overview_holds_no_names_of_volunteers() {
        assertThat(overview(2025).toString()).doesNotContain("K Eins", "D Eins", "example.org");
    }
}
