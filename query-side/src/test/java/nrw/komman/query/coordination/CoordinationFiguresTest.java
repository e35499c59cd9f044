package nrw.komman.query.coordination;

import nrw.komman.kernel.centre.Regierungsbezirk;
import nrw.komman.kernel.coordination.AssignmentId;
import nrw.komman.kernel.coordination.CoordinationFigures;
import nrw.komman.kernel.coordination.FetchCoordinationFiguresQuery;
import nrw.komman.kernel.coordination.HelpRequestId;
import nrw.komman.kernel.coordination.Schedule;
import nrw.komman.kernel.coordination.UnmetDemand;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.query.support.ReadSide;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

import static nrw.komman.kernel.activity.ActivityCategory.ACCOMPANIMENT;
import static nrw.komman.query.support.ReadSide.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ministry's coordination figures. The events happen from 2 January 2025 on (a minute apart unless the test
 * moves the time on); "now" is 15 June 2025.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CoordinationFiguresTest {

    private static final Schedule JAN_10 = Schedule.once(LocalDate.of(2025, 1, 10), LocalTime.of(9, 0), LocalTime.of(11, 0));
    private static final Schedule JUL_1 = Schedule.once(LocalDate.of(2025, 7, 1), LocalTime.of(9, 0), LocalTime.of(11, 0));

    private final ReadSide readSide = new ReadSide();
    private VolunteerId koeln1;
    private VolunteerId koeln2;
    private VolunteerId dortmund;

    @BeforeEach
    void given_centres_in_two_regierungsbezirke() {
        readSide.establishSomeCentres();
        readSide.establish(DORTMUND, "Stadt Dortmund", "Kreisfreie Stadt", LocalDate.of(2013, 1, 1));
        koeln1 = readSide.register(KOELN, "Amira Haddad", "amira@example.org", Set.of("fa"), Set.of(), LocalDate.of(2024, 1, 1));
        koeln2 = readSide.register(KOELN, "Bernd Müller", "bernd@example.org", Set.of("de"), Set.of(), LocalDate.of(2024, 1, 1));
        dortmund = readSide.register(DORTMUND, "Cem Kaya", "cem@example.org", Set.of("tr"), Set.of(), LocalDate.of(2024, 1, 1));
    }

    private CoordinationFigures figures(LocalDate asOf) {
        return readSide.coordinationFigures.handle(new FetchCoordinationFiguresQuery(asOf), as(MINISTRY));
    }

    @Test
    void one_staffed_request_for_dari_in_koeln_and_unmet_demand_where_places_are_missing() {
        HelpRequestId dari = readSide.openRequest(KOELN, ACCOMPANIMENT, Set.of("fa"), JUL_1, 1, "Familie K.", "Ausländerbehörde");
        readSide.advance(Duration.ofHours(6));
        AssignmentId a = readSide.ask(dari, koeln1, KOELN, JUL_1);
        readSide.confirm(dari, a, koeln1, KOELN);
        HelpRequestId twoNeeded = readSide.openRequest(KOELN, ACCOMPANIMENT, Set.of("fa", "ps"), JUL_1, 3, "Familie M.", "Schule");
        AssignmentId b = readSide.ask(twoNeeded, koeln2, KOELN, JUL_1);
        readSide.confirm(twoNeeded, b, koeln2, KOELN);
        readSide.openRequest(DORTMUND, ACCOMPANIMENT, Set.of("tr"), JUL_1, 2, "Herr Y.", "Amt");
        HelpRequestId cancelled = readSide.openRequest(DORTMUND, ACCOMPANIMENT, Set.of("tr"), JUL_1, 1, "Frau Z.", "Amt");
        readSide.cancelRequest(cancelled, DORTMUND, "nicht mehr nötig");

        CoordinationFigures f = figures(null);
        assertThat(f.asOf()).isEqualTo(LocalDate.of(2025, 6, 15));
        assertThat(f.requests()).isEqualTo(4);
        assertThat(f.open()).isEqualTo(1);
        assertThat(f.partlyStaffed()).isEqualTo(1);
        assertThat(f.staffed()).isEqualTo(1);
        assertThat(f.cancelled()).isEqualTo(1);
        assertThat(f.everStaffed()).isEqualTo(1);
        assertThat(f.staffingRate()).isEqualTo(1.0 / 3);
        assertThat(f.medianHoursToStaff()).isBetween(6.0, 6.1);
        assertThat(f.unmetDemand()).containsExactly(
                new UnmetDemand(Regierungsbezirk.KOELN, "fa", 1, 2),
                new UnmetDemand(Regierungsbezirk.KOELN, "ps", 1, 2),
                new UnmetDemand(Regierungsbezirk.ARNSBERG, "tr", 1, 2));
        assertThat(f.toString()).doesNotContain("Familie", "Amira", "Ausländerbehörde");
    }

    @Test
    void the_figures_as_of_a_past_day_are_the_state_at_that_days_end() {
        HelpRequestId dari = readSide.openRequest(KOELN, ACCOMPANIMENT, Set.of("fa"), JUL_1, 1, "Familie K.", "Ausländerbehörde");
        readSide.advance(Duration.ofDays(3)); // 5 January 2025
        AssignmentId a = readSide.ask(dari, koeln1, KOELN, JUL_1);
        readSide.confirm(dari, a, koeln1, KOELN);
        readSide.advance(Duration.ofDays(3)); // 8 January 2025
        readSide.cancelAssignment(dari, a, koeln1, KOELN, true, "krank");

        CoordinationFigures before = figures(LocalDate.of(2025, 1, 1));
        assertThat(before.requests()).isZero();
        CoordinationFigures opened = figures(LocalDate.of(2025, 1, 2));
        assertThat(opened.open()).isEqualTo(1);
        assertThat(opened.everStaffed()).isZero();
        assertThat(opened.unmetDemand()).containsExactly(new UnmetDemand(Regierungsbezirk.KOELN, "fa", 1, 1));
        CoordinationFigures staffed = figures(LocalDate.of(2025, 1, 6));
        assertThat(staffed.staffed()).isEqualTo(1);
        assertThat(staffed.unmetDemand()).isEmpty();
        CoordinationFigures again = figures(LocalDate.of(2025, 1, 9));
        assertThat(again.open()).isEqualTo(1);
        assertThat(again.everStaffed()).isEqualTo(1); // it was staffed once
        assertThat(again.medianHoursToStaff()).isBetween(72.0, 72.1);
    }

    @Test
    void a_request_closed_short_after_its_day_is_unmet_demand_a_cancelled_one_is_not() {
        HelpRequestId shortOne = readSide.openRequest(DORTMUND, ACCOMPANIMENT, Set.of("tr"), JAN_10, 2, "Herr Y.", "Amt");
        AssignmentId a = readSide.ask(shortOne, dortmund, DORTMUND, JAN_10);
        readSide.confirm(shortOne, a, dortmund, DORTMUND);
        HelpRequestId cancelled = readSide.openRequest(DORTMUND, ACCOMPANIMENT, Set.of("ar"), JAN_10, 1, "Frau Z.", "Amt");
        readSide.cancelRequest(cancelled, DORTMUND, "nicht mehr nötig");
        readSide.advance(Duration.ofDays(10)); // after the day
        readSide.closeRequest(shortOne, DORTMUND, LocalDate.of(2025, 1, 12));
        readSide.lapse(shortOne, a, dortmund, DORTMUND); // as if it had not taken place: the closing counts what was confirmed

        CoordinationFigures f = figures(null);
        assertThat(f.closed()).isEqualTo(1);
        assertThat(f.cancelled()).isEqualTo(1);
        assertThat(f.unmetDemand()).containsExactly(new UnmetDemand(Regierungsbezirk.ARNSBERG, "tr", 1, 1));
    }

    @Test
    void requests_escalated_unstaffed_count_from_the_day_of_the_fact_on_whatever_became_of_them() {
        HelpRequestId staffedLater = readSide.openRequest(KOELN, ACCOMPANIMENT, Set.of("fa"), JAN_10, 1, "Familie K.", "Amt");
        HelpRequestId cancelledLater = readSide.openRequest(DORTMUND, ACCOMPANIMENT, Set.of("tr"), JAN_10, 2, "Herr Y.", "Amt");
        readSide.openRequest(KOELN, ACCOMPANIMENT, Set.of("de"), JAN_10, 1, "Frau Z.", "Amt"); // staffed in time: never escalated
        readSide.advance(Duration.ofDays(6)); // 8 January 2025
        readSide.unstaffed(staffedLater, KOELN, JAN_10.startsAt(), 0, 1);
        readSide.advance(Duration.ofDays(1)); // 9 January 2025
        readSide.unstaffed(cancelledLater, DORTMUND, JAN_10.startsAt(), 0, 2);
        AssignmentId a = readSide.ask(staffedLater, koeln1, KOELN, JAN_10);
        readSide.confirm(staffedLater, a, koeln1, KOELN);
        readSide.cancelRequest(cancelledLater, DORTMUND, "nicht mehr nötig");

        assertThat(figures(LocalDate.of(2025, 1, 7)).escalatedUnstaffed()).isZero();
        assertThat(figures(LocalDate.of(2025, 1, 8)).escalatedUnstaffed()).isEqualTo(1);
        CoordinationFigures later = figures(LocalDate.of(2025, 1, 9));
        assertThat(later.escalatedUnstaffed()).isEqualTo(2);
        assertThat(later.staffed()).isEqualTo(1);
        assertThat(later.cancelled()).isEqualTo(1);
        assertThat(figures(null).escalatedUnstaffed()).isEqualTo(2);
    }

    @Test
    void no_requests_give_zeros_and_no_median() {
        CoordinationFigures f = figures(LocalDate.of(2025, 12, 31));
        assertThat(f.requests()).isZero();
        assertThat(f.staffingRate()).isZero();
        assertThat(f.medianHoursToStaff()).isNull();
        assertThat(f.unmetDemand()).isEmpty();
        assertThat(f.escalatedUnstaffed()).isZero();
    }
}
