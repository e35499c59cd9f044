package nrw.komman.query.coordination;

import nrw.komman.kernel.coordination.AssignmentId;
import nrw.komman.kernel.coordination.AssignmentView;
import nrw.komman.kernel.coordination.FindCentreAssignmentsQuery;
import nrw.komman.kernel.coordination.FindHelpRequestsQuery;
import nrw.komman.kernel.coordination.FindVolunteerAssignmentsQuery;
import nrw.komman.kernel.coordination.HelpRequestId;
import nrw.komman.kernel.coordination.HelpRequestStatus;
import nrw.komman.kernel.coordination.HelpRequestSummary;
import nrw.komman.kernel.coordination.Schedule;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.query.support.ReadSide;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import static nrw.komman.kernel.activity.ActivityCategory.ACCOMPANIMENT;
import static nrw.komman.kernel.activity.ActivityCategory.INTERPRETING;
import static nrw.komman.query.support.ReadSide.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The board, a volunteer's assignments and a centre's calendar (today is 15 June 2025 in {@link ReadSide#CLOCK}). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HelpRequestQueriesTest {

    private final ReadSide readSide = new ReadSide();
    private VolunteerId amira;
    private HelpRequestId july;
    private HelpRequestId june;
    private HelpRequestId may;
    private HelpRequestId cancelled;
    private AssignmentId julyAsked;
    private AssignmentId juneConfirmed;

    private static Schedule once(int month, int day) {
        return Schedule.once(LocalDate.of(2025, month, day), LocalTime.of(9, 0), LocalTime.of(11, 0));
    }

    @BeforeEach
    void given_requests_in_may_june_and_july() {
        readSide.establishSomeCentres();
        amira = readSide.register(KOELN, "Amira Haddad", "amira@example.org", Set.of("fa"), Set.of(), LocalDate.of(2024, 1, 1));
        july = readSide.openRequest(KOELN, ACCOMPANIMENT, Set.of("fa"), once(7, 1), 1, "Familie K.", "Ausländerbehörde");
        june = readSide.openRequest(KOELN, INTERPRETING, Set.of("fa"), once(6, 20), 1, "Herr M.", "Jobcenter");
        may = readSide.openRequest(KOELN, INTERPRETING, Set.of("ar"), once(5, 20), 1, "Frau S.", "Arztpraxis");
        cancelled = readSide.openRequest(KOELN, INTERPRETING, Set.of("ar"), once(6, 25), 1, "Frau T.", "Schule");
        readSide.cancelRequest(cancelled, KOELN, "erledigt sich");
        readSide.openRequest(DUESSELDORF, INTERPRETING, Set.of("tr"), once(6, 18), 1, "Herr Y.", "Amt");
        julyAsked = readSide.ask(july, amira, KOELN, once(7, 1));
        juneConfirmed = readSide.ask(june, amira, KOELN, once(6, 20));
        readSide.confirm(june, juneConfirmed, amira, KOELN);
        AssignmentId mayDone = readSide.ask(may, amira, KOELN, once(5, 20));
        readSide.confirm(may, mayDone, amira, KOELN);
    }

    @Test
    void the_board_shows_the_live_requests_of_the_own_centre_soonest_first() {
        List<HelpRequestSummary> board = readSide.helpRequests.handle(new FindHelpRequestsQuery(KOELN, null, null),
                as(COORDINATOR_KOELN)).requests();
        assertThat(board).extracting(HelpRequestSummary::requestId).containsExactly(may, june, july);
        assertThat(board).extracting(HelpRequestSummary::status)
                .containsExactly(HelpRequestStatus.STAFFED, HelpRequestStatus.STAFFED, HelpRequestStatus.OPEN);
        assertThat(board.get(2).pending()).isEqualTo(1);
        assertThat(board.get(2).languages()).containsExactly("fa");
    }

    @Test
    void the_board_filters_by_status_and_leaves_out_requests_that_ended_before_the_given_day() {
        assertThat(readSide.helpRequests.handle(new FindHelpRequestsQuery(KOELN, Set.of(HelpRequestStatus.CANCELLED), null),
                as(COORDINATOR_KOELN)).requests()).extracting(HelpRequestSummary::requestId).containsExactly(cancelled);
        assertThat(readSide.helpRequests.handle(new FindHelpRequestsQuery(KOELN, null, LocalDate.of(2025, 6, 1)),
                as(COORDINATOR_KOELN)).requests()).extracting(HelpRequestSummary::requestId).containsExactly(june, july);
    }

    @Test
    void a_volunteers_upcoming_assignments_are_the_live_ones_not_yet_over() {
        List<AssignmentView> upcoming = readSide.helpRequests.handle(new FindVolunteerAssignmentsQuery(amira, true),
                as(COORDINATOR_KOELN)).assignments();
        assertThat(upcoming).extracting(AssignmentView::assignmentId).containsExactly(juneConfirmed, julyAsked);
        assertThat(upcoming).allSatisfy(a -> assertThat(a.volunteerName()).isEqualTo("Amira Haddad"));
        assertThat(readSide.helpRequests.handle(new FindVolunteerAssignmentsQuery(amira, false), as(COORDINATOR_KOELN))
                .assignments()).hasSize(3);
    }

    @Test
    void the_volunteer_sees_the_place_only_of_what_they_confirmed_the_centre_sees_every_place() {
        Actor herself = Actor.volunteer(amira.value(), KOELN);
        List<AssignmentView> own = readSide.helpRequests.handle(new FindVolunteerAssignmentsQuery(amira, true), as(herself)).assignments();
        assertThat(own).extracting(AssignmentView::place).containsExactly("Jobcenter", null);
        List<AssignmentView> centre = readSide.helpRequests.handle(new FindVolunteerAssignmentsQuery(amira, true),
                as(COORDINATOR_KOELN)).assignments();
        assertThat(centre).extracting(AssignmentView::place).containsExactly("Jobcenter", "Ausländerbehörde");
    }

    @Test
    void the_centres_calendar_has_the_assignments_with_a_day_in_the_period() {
        assertThat(readSide.helpRequests.handle(new FindCentreAssignmentsQuery(KOELN, LocalDate.of(2025, 6, 1),
                LocalDate.of(2025, 6, 30)), as(COORDINATOR_KOELN)).assignments())
                .extracting(AssignmentView::assignmentId).containsExactly(juneConfirmed);
        assertThat(readSide.helpRequests.handle(new FindCentreAssignmentsQuery(KOELN, LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31)), as(COORDINATOR_KOELN)).assignments()).hasSize(3);
    }
}
