package nrw.komman.query.report;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.activity.ActivityCorrectedEvent;
import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.activity.ActivityLoggedEvent;
import nrw.komman.kernel.activity.ActivityWithdrawnEvent;
import nrw.komman.kernel.budget.BudgetId;
import nrw.komman.kernel.budget.BudgetSetEvent;
import nrw.komman.kernel.centre.CentreClosedEvent;
import nrw.komman.kernel.centre.CentreEstablishedEvent;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.Regierungsbezirk;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.grant.GrantAmendedEvent;
import nrw.komman.kernel.grant.GrantAppliedEvent;
import nrw.komman.kernel.grant.GrantApprovedEvent;
import nrw.komman.kernel.grant.GrantClosedEvent;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.GrantRejectedEvent;
import nrw.komman.kernel.grant.GrantStatus;
import nrw.komman.kernel.grant.GrantWithdrawnEvent;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.kernel.grant.RepaymentReceivedEvent;
import nrw.komman.kernel.grant.TrancheDisbursedEvent;
import nrw.komman.kernel.grant.UsageReportDueExtendedEvent;
import nrw.komman.kernel.grant.UsageReportOverdueEvent;
import nrw.komman.kernel.grant.UsageReportSubmittedEvent;
import nrw.komman.kernel.privacy.ErasureReason;
import nrw.komman.kernel.privacy.VolunteerDataErasedEvent;
import nrw.komman.kernel.report.AnnualReport;
import nrw.komman.kernel.report.AnnualReportCanonicalForm;
import nrw.komman.kernel.report.ReportFigures;
import nrw.komman.kernel.volunteer.ConsentRecord;
import nrw.komman.kernel.volunteer.SealedPersonalData;
import nrw.komman.kernel.volunteer.VolunteerDeactivatedEvent;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerReactivatedEvent;
import nrw.komman.kernel.volunteer.VolunteerRegisteredEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The annual report's figures, folded from events as the event store would deliver them. */
class AnnualReportFoldTest {

    private static final CentreId KOELN = new CentreId("05315");
    private static final CentreId VIERSEN = new CentreId("05166");
    private static final CentreId WESEL = new CentreId("05170");
    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 31);
    private static final Instant CUT_OFF = Instant.parse("2026-12-31T23:00:00Z");
    private static final ConsentRecord CONSENT = new ConsentRecord("Einwilligung", "2024-01", Instant.parse("2024-01-01T10:00:00Z"));

    private final List<Object> events = new ArrayList<>();

    private AnnualReport report(int year, CentreId scope) {
        AnnualReportFold fold = new AnnualReportFold(year, scope);
        for (int i = 0; i < events.size(); i++) {
            fold.apply(events.get(i), i + 1);
        }
        return fold.report(AS_OF, CUT_OFF);
    }

    private ReportFigures centre(AnnualReport report, CentreId id) {
        return report.centres().stream().filter(c -> c.centreId().equals(id)).findFirst().orElseThrow().figures();
    }

    private void centres() {
        events.add(new CentreEstablishedEvent(KOELN, "Köln", "kreisfreie Stadt", Regierungsbezirk.KOELN, LocalDate.of(2013, 1, 1)));
        events.add(new CentreEstablishedEvent(VIERSEN, "Kreis Viersen", "Kreis", Regierungsbezirk.DUESSELDORF, LocalDate.of(2019, 4, 1)));
    }

    private VolunteerId volunteer(CentreId centre, LocalDate registeredOn) {
        VolunteerId id = VolunteerId.random();
        events.add(new VolunteerRegisteredEvent(id, centre, new SealedPersonalData("v1:sealed"),
                new nrw.komman.kernel.volunteer.SealedConsent(null, CONSENT.version(), CONSENT.givenAt(), CONSENT.document()), registeredOn));
        return id;
    }

    private ActivityId activity(VolunteerId volunteer, CentreId centre, LocalDate date, int minutes, ActivityCategory category) {
        ActivityId id = ActivityId.random();
        events.add(new ActivityLoggedEvent(id, volunteer, centre, date, minutes, category, null, null));
        return id;
    }

    @Test
    void a_volunteer_counts_as_active_when_active_on_any_day_of_the_year_and_as_new_when_registered_in_it() {
        centres();
        volunteer(KOELN, LocalDate.of(2025, 3, 1)); // active all of 2026
        VolunteerId left2025 = volunteer(KOELN, LocalDate.of(2025, 3, 1));
        events.add(new VolunteerDeactivatedEvent(left2025, KOELN, LocalDate.of(2025, 12, 31)));
        VolunteerId leftJanuary = volunteer(KOELN, LocalDate.of(2025, 3, 1));
        events.add(new VolunteerDeactivatedEvent(leftJanuary, KOELN, LocalDate.of(2026, 1, 1)));
        VolunteerId back = volunteer(KOELN, LocalDate.of(2024, 3, 1));
        events.add(new VolunteerDeactivatedEvent(back, KOELN, LocalDate.of(2024, 6, 1)));
        events.add(new VolunteerReactivatedEvent(back, KOELN, LocalDate.of(2026, 9, 1)));
        volunteer(KOELN, LocalDate.of(2026, 5, 4)); // new in 2026
        volunteer(KOELN, LocalDate.of(2027, 1, 2)); // registered after the year

        ReportFigures koeln = centre(report(2026, null), KOELN);

        assertThat(koeln.activeVolunteers()).as("all but the one gone in 2025 and the one from 2027").isEqualTo(4);
        assertThat(koeln.newVolunteers()).isEqualTo(1);
        assertThat(centre(report(2025, null), KOELN).activeVolunteers()).isEqualTo(3);
    }

    @Test
    void activities_count_as_last_corrected_in_the_year_of_their_date_and_not_once_withdrawn() {
        centres();
        VolunteerId v = volunteer(KOELN, LocalDate.of(2025, 1, 15));
        activity(v, KOELN, LocalDate.of(2026, 3, 10), 90, ActivityCategory.ACCOMPANIMENT);
        ActivityId moved = activity(v, KOELN, LocalDate.of(2025, 12, 30), 60, ActivityCategory.EDUCATION);
        events.add(new ActivityCorrectedEvent(moved, v, KOELN, LocalDate.of(2026, 1, 2), 45, ActivityCategory.INTERPRETING, null, null, null, "Datum"));
        ActivityId withdrawn = activity(v, KOELN, LocalDate.of(2026, 4, 1), 30, ActivityCategory.CHILDCARE);
        events.add(new ActivityWithdrawnEvent(withdrawn, v, KOELN, null, "doppelt"));

        AnnualReport report = report(2026, null);
        ReportFigures koeln = centre(report, KOELN);

        assertThat(koeln.activities()).isEqualTo(2);
        assertThat(koeln.minutes()).isEqualTo(135);
        assertThat(koeln.minutesByCategory()).containsEntry(ActivityCategory.ACCOMPANIMENT, 90L)
                .containsEntry(ActivityCategory.INTERPRETING, 45L).containsEntry(ActivityCategory.EDUCATION, 0L)
                .containsEntry(ActivityCategory.CHILDCARE, 0L).hasSize(ActivityCategory.values().length);
        assertThat(koeln.minutesByMonth().get(1)).containsEntry(ActivityCategory.INTERPRETING, 45L);
        assertThat(koeln.minutesByMonth().get(3)).containsEntry(ActivityCategory.ACCOMPANIMENT, 90L);
        assertThat(koeln.minutesByMonth()).hasSize(12);
        assertThat(report.total().minutes()).isEqualTo(135);
        assertThat(report.regions()).filteredOn(r -> r.regierungsbezirk() == Regierungsbezirk.KOELN)
                .singleElement().satisfies(r -> assertThat(r.figures().minutes()).isEqualTo(135));
        assertThat(centre(report(2025, null), KOELN).activities()).as("the moved one left 2025").isZero();
    }

    @Test
    void grants_of_the_year_count_by_status_with_their_money_and_the_budget_use() {
        centres();
        GrantId closed = GrantId.random();
        events.add(new BudgetSetEvent(BudgetId.of(2026, ProgrammePart.PART_II_A), 2026, ProgrammePart.PART_II_A, null, null, Money.parse("100000.00"), "Plan"));
        events.add(new BudgetSetEvent(BudgetId.of(2026, ProgrammePart.PART_II_A, KOELN), 2026, ProgrammePart.PART_II_A, KOELN, null, Money.parse("30000.00"), "Anteil"));
        events.add(new BudgetSetEvent(BudgetId.of(2027, ProgrammePart.PART_II_A), 2027, ProgrammePart.PART_II_A, null, null, Money.parse("1.00"), "nächstes Jahr"));
        events.add(new GrantAppliedEvent(closed, KOELN, 2026, ProgrammePart.PART_II_A, "Café", "Treff", Money.parse("20000.00"), LocalDate.of(2025, 11, 1)));
        events.add(new GrantApprovedEvent(closed, KOELN, Money.parse("20000.00"), Money.parse("18000.00"), null, LocalDate.of(2025, 12, 1)));
        events.add(new GrantAmendedEvent(closed, KOELN, Money.parse("18000.00"), Money.parse("15000.00"), "Kürzung", LocalDate.of(2026, 2, 1)));
        events.add(new TrancheDisbursedEvent(closed, KOELN, 1, Money.parse("10000.00"), LocalDate.of(2026, 2, 2), Money.ZERO, Money.parse("10000.00")));
        events.add(new TrancheDisbursedEvent(closed, KOELN, 2, Money.parse("2000.00"), LocalDate.of(2026, 5, 2), Money.parse("10000.00"), Money.parse("12000.00")));
        events.add(new UsageReportSubmittedEvent(closed, KOELN, Money.parse("12000.00"), Money.parse("11000.00"), "Bericht", 20, LocalDate.of(2026, 12, 1)));
        events.add(new GrantClosedEvent(closed, KOELN, Money.parse("12000.00"), Money.parse("11000.00"), Money.parse("1000.00"), "geprüft", LocalDate.of(2026, 12, 10)));
        events.add(new RepaymentReceivedEvent(closed, KOELN, Money.parse("400.00"), LocalDate.of(2026, 12, 20), Money.parse("1000.00"), Money.parse("600.00")));
        GrantId rejected = GrantId.random();
        events.add(new GrantAppliedEvent(rejected, KOELN, 2026, ProgrammePart.PART_II_A, "B", "B", Money.parse("5000.00"), LocalDate.of(2025, 11, 1)));
        events.add(new GrantRejectedEvent(rejected, KOELN, "nicht förderfähig"));
        GrantId withdrawn = GrantId.random();
        events.add(new GrantAppliedEvent(withdrawn, VIERSEN, 2026, ProgrammePart.PART_II_A, "C", "C", Money.parse("7000.00"), LocalDate.of(2025, 11, 1)));
        events.add(new GrantWithdrawnEvent(withdrawn, VIERSEN, "zurückgezogen"));
        GrantId otherYear = GrantId.random();
        events.add(new GrantAppliedEvent(otherYear, KOELN, 2027, ProgrammePart.PART_II_A, "D", "D", Money.parse("9000.00"), LocalDate.of(2026, 11, 1)));
        events.add(new GrantApprovedEvent(otherYear, KOELN, Money.parse("9000.00"), Money.parse("9000.00"), null, LocalDate.of(2026, 12, 1)));

        AnnualReport report = report(2026, null);
        ReportFigures koeln = centre(report, KOELN);

        assertThat(koeln.grantsByStatus()).containsEntry(GrantStatus.CLOSED, 1L).containsEntry(GrantStatus.REJECTED, 1L)
                .containsEntry(GrantStatus.APPROVED, 0L).hasSize(GrantStatus.values().length);
        assertThat(koeln.requested()).isEqualTo(Money.parse("25000.00"));
        assertThat(koeln.approved()).isEqualTo(Money.parse("15000.00"));
        assertThat(koeln.disbursed()).isEqualTo(Money.parse("12000.00"));
        assertThat(koeln.spent()).isEqualTo(Money.parse("11000.00"));
        assertThat(koeln.reclaimed()).isEqualTo(Money.parse("1000.00"));
        assertThat(koeln.repaid()).isEqualTo(Money.parse("400.00"));
        ReportFigures viersen = centre(report, VIERSEN);
        assertThat(viersen.grantsByStatus()).containsEntry(GrantStatus.WITHDRAWN, 1L);
        assertThat(viersen.requested()).as("a withdrawn application requests nothing").isEqualTo(Money.ZERO);
        assertThat(report.budgets()).containsExactly(
                new AnnualReport.BudgetLine(ProgrammePart.PART_II_A, null, Money.parse("100000.00"), Money.parse("15000.00")),
                new AnnualReport.BudgetLine(ProgrammePart.PART_II_A, KOELN, Money.parse("30000.00"), Money.parse("15000.00")));
    }

    /** The report of 2026 as of a day, counting the events recorded by then (the test lists them in that order). */
    private AnnualReport reportAsOf(LocalDate asOf, List<Object> recordedBy) {
        AnnualReportFold fold = new AnnualReportFold(2026, null);
        for (int i = 0; i < recordedBy.size(); i++) {
            fold.apply(recordedBy.get(i), i + 1);
        }
        return fold.report(asOf, asOf.plusDays(1).atStartOfDay(java.time.ZoneId.of("Europe/Berlin")).toInstant());
    }

    private GrantId approved(CentreId centre, String title) {
        GrantId id = GrantId.random();
        events.add(new GrantAppliedEvent(id, centre, 2026, ProgrammePart.PART_II_A, title, title, Money.parse("1000.00"), LocalDate.of(2025, 11, 1)));
        events.add(new GrantApprovedEvent(id, centre, Money.parse("1000.00"), Money.parse("1000.00"), null, LocalDate.of(2025, 12, 1),
                LocalDate.of(2027, 6, 30)));
        return id;
    }

    @Test
    void usage_reports_overdue_on_the_date_count_per_centre_and_in_total_until_submitted_or_moved() {
        centres();
        GrantId submittedLate = approved(KOELN, "A");
        GrantId extended = approved(KOELN, "B");
        GrantId stillOverdue = approved(VIERSEN, "C");
        approved(VIERSEN, "D"); // reported in time: never overdue
        List<Object> upToJune = new ArrayList<>(events);
        LocalDate due = LocalDate.of(2027, 6, 30);
        List<Object> julyFirst = new ArrayList<>(upToJune);
        for (GrantId g : List.of(submittedLate, extended, stillOverdue)) {
            julyFirst.add(new UsageReportOverdueEvent(g, g == stillOverdue ? VIERSEN : KOELN, due, LocalDate.of(2027, 7, 1)));
        }
        List<Object> julyTenth = new ArrayList<>(julyFirst);
        julyTenth.add(new UsageReportSubmittedEvent(submittedLate, KOELN, Money.ZERO, Money.ZERO, "Bericht", 5, LocalDate.of(2027, 7, 10)));
        julyTenth.add(new UsageReportDueExtendedEvent(extended, KOELN, due, LocalDate.of(2027, 9, 30), "Krankheit", LocalDate.of(2027, 7, 10)));
        List<Object> octoberFirst = new ArrayList<>(julyTenth);
        octoberFirst.add(new UsageReportOverdueEvent(extended, KOELN, LocalDate.of(2027, 9, 30), LocalDate.of(2027, 10, 1)));

        AnnualReport june = reportAsOf(LocalDate.of(2027, 6, 30), upToJune);
        assertThat(june.total().usageReportsOverdue()).as("nothing recorded overdue yet").isZero();
        AnnualReport july = reportAsOf(LocalDate.of(2027, 7, 1), julyFirst);
        assertThat(july.total().usageReportsOverdue()).isEqualTo(3);
        assertThat(centre(july, KOELN).usageReportsOverdue()).isEqualTo(2);
        assertThat(centre(july, VIERSEN).usageReportsOverdue()).isEqualTo(1);
        assertThat(july.regions()).filteredOn(r -> r.regierungsbezirk() == Regierungsbezirk.KOELN)
                .singleElement().satisfies(r -> assertThat(r.figures().usageReportsOverdue()).isEqualTo(2));
        AnnualReport afterward = reportAsOf(LocalDate.of(2027, 7, 10), julyTenth);
        assertThat(centre(afterward, KOELN).usageReportsOverdue()).as("one submitted, one given a later day").isZero();
        assertThat(afterward.total().usageReportsOverdue()).isEqualTo(1);
        AnnualReport october = reportAsOf(LocalDate.of(2027, 10, 1), octoberFirst);
        assertThat(centre(october, KOELN).usageReportsOverdue()).as("the later day passed too").isEqualTo(1);
        assertThat(october.total().usageReportsOverdue()).isEqualTo(2);
        assertThat(AnnualReportCanonicalForm.lines(october)).anySatisfy(line ->
                assertThat(line).startsWith("Ebene;").endsWith(";Zurückgezahlt;Verwendungsnachweise überfällig"));
        assertThat(AnnualReportCanonicalForm.lines(october)).anySatisfy(line ->
                assertThat(line).startsWith("Gesamt;NRW;").endsWith(";2"));
        assertThat(july.checksum()).as("the count is part of what the checksum covers").isNotEqualTo(afterward.checksum());
    }

    @Test
    void a_centre_report_holds_that_centre_only_and_no_budgets_or_regions() {
        centres();
        VolunteerId k = volunteer(KOELN, LocalDate.of(2026, 1, 15));
        activity(k, KOELN, LocalDate.of(2026, 3, 10), 90, ActivityCategory.ACCOMPANIMENT);
        VolunteerId v = volunteer(VIERSEN, LocalDate.of(2026, 1, 15));
        activity(v, VIERSEN, LocalDate.of(2026, 3, 10), 30, ActivityCategory.ACCOMPANIMENT);
        events.add(new BudgetSetEvent(BudgetId.of(2026, ProgrammePart.PART_II_A), 2026, ProgrammePart.PART_II_A, null, null, Money.parse("100000.00"), "Plan"));

        AnnualReport report = report(2026, KOELN);

        assertThat(report.centres()).extracting(AnnualReport.Centre::centreId).containsExactly(KOELN);
        assertThat(report.total().minutes()).isEqualTo(90);
        assertThat(report.total().activeVolunteers()).isEqualTo(1);
        assertThat(report.regions()).isEmpty();
        assertThat(report.budgets()).isEmpty();
        assertThat(report.centreId()).isEqualTo(KOELN);
    }

    @Test
    void every_centre_of_the_year_is_listed_and_closed_or_later_ones_are_not() {
        centres();
        events.add(new CentreEstablishedEvent(WESEL, "Kreis Wesel", "Kreis", Regierungsbezirk.DUESSELDORF, LocalDate.of(2014, 1, 1)));
        events.add(new CentreClosedEvent(WESEL, LocalDate.of(2025, 6, 30), "aufgelöst"));

        AnnualReport report = report(2026, null);

        assertThat(report.centres()).extracting(AnnualReport.Centre::centreId).containsExactly(VIERSEN, KOELN);
        assertThat(report.regions()).hasSize(5);
        assertThat(report.regions()).filteredOn(r -> r.regierungsbezirk() == Regierungsbezirk.DUESSELDORF)
                .singleElement().satisfies(r -> assertThat(r.centres()).isEqualTo(1));
        assertThat(report(2025, null).centres()).extracting(AnnualReport.Centre::centreId).contains(WESEL);
    }

    @Test
    void the_same_events_give_the_same_report_and_checksum_and_an_erasure_changes_no_figure() {
        centres();
        VolunteerId v = volunteer(KOELN, LocalDate.of(2026, 1, 15));
        activity(v, KOELN, LocalDate.of(2026, 3, 10), 90, ActivityCategory.ACCOMPANIMENT);
        AnnualReport first = report(2026, null);

        assertThat(report(2026, null)).isEqualTo(first);
        assertThat(first.checksum()).matches("[0-9a-f]{64}").isEqualTo(AnnualReportCanonicalForm.checksum(first));
        assertThat(first.lastEventPosition()).isEqualTo(events.size());
        assertThat(first.eventsIncluded()).isEqualTo(events.size());

        events.add(new VolunteerDeactivatedEvent(v, KOELN, LocalDate.of(2026, 12, 1)));
        events.add(new VolunteerDataErasedEvent(v, KOELN, ErasureReason.REQUEST, LocalDate.of(2026, 12, 1)));
        AnnualReport afterErasure = report(2026, null);

        assertThat(afterErasure.total()).isEqualTo(first.total());
        assertThat(afterErasure.centres()).isEqualTo(first.centres());
        assertThat(afterErasure.checksum()).as("it includes two more events").isNotEqualTo(first.checksum());
    }
}
