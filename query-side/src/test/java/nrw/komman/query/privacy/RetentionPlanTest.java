package nrw.komman.query.privacy;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.kernel.grant.Recommendation;
import nrw.komman.kernel.grant.UsageReportSubmittedEvent;
import nrw.komman.kernel.privacy.PlanRetentionQuery;
import nrw.komman.kernel.privacy.RetentionPlan;
import nrw.komman.kernel.privacy.RetentionPlan.DueGrantFile;
import nrw.komman.kernel.privacy.RetentionPlan.DueVolunteer;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.query.support.ReadSide;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static nrw.komman.query.support.ReadSide.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dry run of the retention rules: "today" is 15 June 2025, volunteers 3 years, grant files 5 years. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RetentionPlanTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    private static final LocalDate VOLUNTEER_CUTOFF = LocalDate.of(2022, 6, 15);
    private static final LocalDate GRANT_CUTOFF = LocalDate.of(2020, 6, 15);

    private final ReadSide readSide = new ReadSide();

    @BeforeEach
    void given_centres() {
        readSide.establishSomeCentres();
    }

    private VolunteerId volunteer(CentreId centre, String name) {
        return readSide.register(centre, name, name.toLowerCase().replace(' ', '.') + "@example.org", Set.of("de"), Set.of(),
                LocalDate.of(2015, 1, 1));
    }

    private VolunteerId inactiveSince(CentreId centre, String name, LocalDate since) {
        VolunteerId id = volunteer(centre, name);
        readSide.deactivate(id, centre, since);
        return id;
    }

    private GrantId reported(CentreId centre, int year, LocalDate on) {
        GrantId grant = readSide.apply(centre, year, ProgrammePart.PART_I, "Koordinierung " + year, 1_000_000);
        readSide.review(grant, centre, Recommendation.APPROVE, "gut");
        readSide.approve(grant, centre, 1_000_000, 1_000_000, null);
        readSide.publish(new UsageReportSubmittedEvent(grant, centre, Money.ZERO, Money.ZERO, "Bericht", 3, on),
                coordinatorOf(centre));
        return grant;
    }

    private RetentionPlan plan() {
        return readSide.retention.handle(new PlanRetentionQuery(), as(ADMINISTRATOR));
    }

    @Test
    void the_plan_lists_the_volunteers_inactive_for_three_full_years_or_more_in_every_centre_oldest_first() {
        VolunteerId exactly = inactiveSince(KOELN, "Exactly Three", VOLUNTEER_CUTOFF);
        VolunteerId long_ = inactiveSince(KOELN, "Long Gone", LocalDate.of(2020, 1, 1));
        VolunteerId elsewhere = inactiveSince(DUESSELDORF, "Else Where", LocalDate.of(2021, 3, 1));
        inactiveSince(KOELN, "Not Yet", VOLUNTEER_CUTOFF.plusDays(1));
        volunteer(KOELN, "Still Active");

        RetentionPlan plan = plan();

        assertThat(plan.asOf()).isEqualTo(TODAY);
        assertThat(plan.inactiveYears()).isEqualTo(3);
        assertThat(plan.grantFileYears()).isEqualTo(5);
        assertThat(plan.volunteers()).containsExactly(
                new DueVolunteer(long_, KOELN, LocalDate.of(2020, 1, 1)),
                new DueVolunteer(elsewhere, DUESSELDORF, LocalDate.of(2021, 3, 1)),
                new DueVolunteer(exactly, KOELN, VOLUNTEER_CUTOFF));
    }

    @Test
    void erased_and_reactivated_volunteers_are_not_due() {
        VolunteerId erased = inactiveSince(KOELN, "Long Erased", LocalDate.of(2019, 1, 1));
        readSide.erase(erased, KOELN, LocalDate.of(2024, 1, 1));
        VolunteerId back = inactiveSince(KOELN, "Came Back", LocalDate.of(2019, 1, 1));
        readSide.reactivate(back, KOELN);
        VolunteerId erasedJustNow = inactiveSince(KOELN, "Erased Just Now", LocalDate.of(2019, 1, 1));
        readSide.keyRing.destroy(erasedJustNow); // the erasure event not yet projected

        assertThat(plan().volunteers()).isEmpty();
    }

    @Test
    void the_inactivity_counts_from_the_last_deactivation() {
        VolunteerId again = inactiveSince(KOELN, "Again Inactive", LocalDate.of(2019, 1, 1));
        readSide.reactivate(again, KOELN);
        readSide.deactivate(again, KOELN, LocalDate.of(2024, 1, 1));

        assertThat(plan().volunteers()).isEmpty();
    }

    @Test
    void the_plan_lists_the_grant_files_whose_usage_report_is_five_full_years_old_or_older() {
        GrantId exactly = reported(KOELN, 2019, GRANT_CUTOFF);
        GrantId older = reported(DUESSELDORF, 2018, LocalDate.of(2019, 3, 1));
        reported(KOELN, 2020, GRANT_CUTOFF.plusDays(1));
        readSide.apply(KOELN, 2025, ProgrammePart.PART_I, "ohne Bericht", 500_000);

        assertThat(plan().grantFiles()).containsExactly(
                new DueGrantFile(older.toString(), DUESSELDORF, 2018, LocalDate.of(2019, 3, 1)),
                new DueGrantFile(exactly.toString(), KOELN, 2019, GRANT_CUTOFF));
    }

    @Test
    void the_periods_come_from_the_configuration() {
        inactiveSince(KOELN, "One Year", LocalDate.of(2024, 6, 15));
        reported(KOELN, 2019, GRANT_CUTOFF);
        RetentionPlanQueries shortAndLong = new RetentionPlanQueries(readSide.jdbc, readSide.vault, ReadSide.CLOCK, 1, 10);

        RetentionPlan plan = shortAndLong.handle(new PlanRetentionQuery(), as(ADMINISTRATOR));

        assertThat(plan.inactiveYears()).isEqualTo(1);
        assertThat(plan.grantFileYears()).isEqualTo(10);
        assertThat(plan.volunteers()).hasSize(1);
        assertThat(plan.grantFiles()).isEmpty();
        assertThatThrownBy(() -> new RetentionPlanQueries(readSide.jdbc, readSide.vault, ReadSide.CLOCK, 0, 5))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_plan_holds_ids_and_dates_only_never_personal_data() {
        inactiveSince(KOELN, "Long Gone", LocalDate.of(2020, 1, 1));

        assertThat(plan().toString()).doesNotContainIgnoringCase("Long Gone").doesNotContain("example.org");
    }

    @Test
    void an_empty_plan_is_an_answer_too() {
        RetentionPlan plan = plan();

        assertThat(plan.volunteers()).isEmpty();
        assertThat(plan.grantFiles()).isEmpty();
    }
}
