package nrw.komman.query.coordination;

import nrw.komman.kernel.coordination.AssignmentId;
import nrw.komman.kernel.coordination.AssignmentStatus;
import nrw.komman.kernel.coordination.FindHelpRequestQuery;
import nrw.komman.kernel.coordination.FindHelpRequestsQuery;
import nrw.komman.kernel.coordination.HelpRequestId;
import nrw.komman.kernel.coordination.HelpRequestStatus;
import nrw.komman.kernel.coordination.HelpRequestSummary;
import nrw.komman.kernel.coordination.HelpRequestView;
import nrw.komman.kernel.coordination.Schedule;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.query.support.History;
import nrw.komman.query.support.ReadSide;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static nrw.komman.kernel.activity.ActivityCategory.ACCOMPANIMENT;
import static nrw.komman.query.support.ReadSide.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The projection of requests and assignments: statuses, counts, held times, ciphertext only, idempotent. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HelpRequestProjectionTest {

    static final Schedule TUESDAY = Schedule.once(LocalDate.of(2025, 7, 1), LocalTime.of(9, 0), LocalTime.of(12, 0));

    private final ReadSide readSide = new ReadSide();
    private VolunteerId amira;
    private VolunteerId bernd;
    private VolunteerId carla;

    @BeforeEach
    void given_a_centre_with_three_volunteers() {
        readSide.establishSomeCentres();
        amira = readSide.register(KOELN, "Amira Haddad", "amira@example.org", Set.of("fa"), Set.of(), LocalDate.of(2024, 1, 1));
        bernd = readSide.register(KOELN, "Bernd Müller", "bernd@example.org", Set.of("de"), Set.of(), LocalDate.of(2024, 1, 1));
        carla = readSide.register(KOELN, "Carla Rossi", "carla@example.org", Set.of("it"), Set.of(), LocalDate.of(2024, 1, 1));
    }

    private Map<String, Object> request(HelpRequestId id) {
        return readSide.jdbc.getJdbcOperations().queryForMap("select * from help_request_view where request_id = ?", id.toString());
    }

    private long bookings(AssignmentId id) {
        return readSide.jdbc.getJdbcOperations().queryForObject("select count(*) from volunteer_booking where assignment_id = ?",
                Long.class, id.toString());
    }

    @Test
    void a_request_goes_from_open_to_partly_staffed_to_staffed_and_back_when_a_confirmed_assignment_is_cancelled() {
        HelpRequestId id = readSide.openRequest(KOELN, ACCOMPANIMENT, Set.of("fa", "ps"), TUESDAY, 2, "Familie K.", "Ausländerbehörde");
        assertThat(request(id)).containsEntry("status", "OPEN").containsEntry("confirmed", 0).containsEntry("pending", 0);
        AssignmentId a = readSide.ask(id, amira, KOELN, TUESDAY);
        AssignmentId b = readSide.ask(id, bernd, KOELN, TUESDAY);
        assertThat(request(id)).containsEntry("status", "OPEN").containsEntry("pending", 2);
        readSide.confirm(id, a, amira, KOELN);
        assertThat(request(id)).containsEntry("status", "PARTLY_STAFFED").containsEntry("confirmed", 1).containsEntry("pending", 1);
        assertThat(request(id).get("staffed_at")).isNull();
        readSide.confirm(id, b, bernd, KOELN);
        assertThat(request(id)).containsEntry("status", "STAFFED").containsEntry("confirmed", 2).containsEntry("pending", 0);
        Object staffedAt = request(id).get("staffed_at");
        assertThat(staffedAt).isNotNull();
        readSide.cancelAssignment(id, b, bernd, KOELN, true, "krank");
        assertThat(request(id)).containsEntry("status", "PARTLY_STAFFED").containsEntry("confirmed", 1)
                .containsEntry("staffed_at", staffedAt); // first staffed stays: the figures count it as ever staffed
        assertThat(readSide.jdbc.getJdbcOperations().queryForMap("select * from assignment_view where assignment_id = ?", b.toString()))
                .containsEntry("status", "CANCELLED").containsEntry("after_confirmation", true);
        readSide.cancelRequest(id, KOELN, "Termin verlegt");
        assertThat(request(id)).containsEntry("status", "CANCELLED");
        assertThat(request(id).get("cancelled_at")).isNotNull();
    }

    @Test
    void an_asked_or_confirmed_assignment_holds_its_occurrences_an_offer_only_once_accepted_and_a_decline_or_lapse_releases_them() {
        Schedule thursdays = Schedule.weekly(LocalDate.of(2025, 7, 3), LocalDate.of(2025, 7, 31), Set.of(DayOfWeek.THURSDAY),
                LocalTime.of(15, 0), LocalTime.of(18, 0));
        HelpRequestId id = readSide.openRequest(KOELN, ACCOMPANIMENT, Set.of(), thursdays, 3, "Café", "Saal");
        AssignmentId asked = readSide.ask(id, amira, KOELN, thursdays);
        AssignmentId offered = readSide.offer(id, bernd, KOELN, thursdays);
        AssignmentId lapsing = readSide.ask(id, carla, KOELN, thursdays);
        assertThat(bookings(asked)).isEqualTo(5);
        assertThat(bookings(offered)).isZero();
        readSide.confirm(id, offered, bernd, KOELN);
        assertThat(bookings(offered)).isEqualTo(5);
        readSide.decline(id, asked, amira, KOELN, "keine Zeit");
        readSide.lapse(id, lapsing, carla, KOELN);
        assertThat(bookings(asked)).isZero();
        assertThat(bookings(lapsing)).isZero();
        assertThat(readSide.rows("volunteer_booking")).isEqualTo(5);
    }

    @Test
    void the_days_taken_place_and_without_the_volunteer_are_kept_per_assignment() {
        HelpRequestId id = readSide.openRequest(KOELN, ACCOMPANIMENT, Set.of("fa"), TUESDAY, 1, "Familie K.", "Ausländerbehörde");
        AssignmentId a = readSide.ask(id, amira, KOELN, TUESDAY);
        readSide.confirm(id, a, amira, KOELN);
        readSide.tookPlace(id, a, amira, KOELN, LocalDate.of(2025, 7, 1), 75);
        readSide.closeRequest(id, KOELN, LocalDate.of(2025, 7, 2));
        HelpRequestView view = readSide.helpRequests.handle(new FindHelpRequestQuery(id), as(COORDINATOR_KOELN));
        assertThat(view.summary().status()).isEqualTo(HelpRequestStatus.CLOSED);
        assertThat(view.closedOn()).isEqualTo(LocalDate.of(2025, 7, 2));
        assertThat(view.assignments()).singleElement().satisfies(v -> {
            assertThat(v.status()).isEqualTo(AssignmentStatus.CONFIRMED);
            assertThat(v.tookPlaceOn()).containsExactly(LocalDate.of(2025, 7, 1));
            assertThat(v.noShowOn()).isEmpty();
        });
    }

    @Test
    void the_read_models_hold_the_requesters_data_and_reasons_only_as_ciphertext() {
        HelpRequestId id = readSide.openRequest(KOELN, ACCOMPANIMENT, Set.of("fa"), TUESDAY, 1, "Familie Karimi", "Ausländerbehörde Köln");
        AssignmentId a = readSide.ask(id, amira, KOELN, TUESDAY);
        readSide.decline(id, a, amira, KOELN, "Ich bin im Urlaub");
        for (String table : List.of("help_request_view", "assignment_view")) {
            String rows = readSide.jdbc.getJdbcOperations().queryForList("select * from " + table).toString();
            assertThat(rows).doesNotContain("Karimi", "Ausländerbehörde", "0176", "pünktlich", "Urlaub");
        }
        HelpRequestView view = readSide.helpRequests.handle(new FindHelpRequestQuery(id), as(COORDINATOR_KOELN));
        assertThat(view.requesterName()).isEqualTo("Familie Karimi");
        assertThat(view.place()).isEqualTo("Ausländerbehörde Köln");
        assertThat(view.assignments().get(0).reason()).isEqualTo("Ich bin im Urlaub");
    }

    @Test
    void the_requesters_erasure_drops_their_ciphertext_and_keeps_the_counts() {
        HelpRequestId id = readSide.openRequest(KOELN, ACCOMPANIMENT, Set.of("fa"), TUESDAY, 1, "Familie K.", "Ausländerbehörde");
        AssignmentId a = readSide.ask(id, amira, KOELN, TUESDAY);
        readSide.confirm(id, a, amira, KOELN);
        readSide.closeRequest(id, KOELN, LocalDate.of(2025, 7, 2));
        readSide.eraseRequester(id, KOELN);
        assertThat(request(id)).containsEntry("sealed_place", null).containsEntry("sealed_requester_name", null)
                .containsEntry("sealed_requester_contact", null).containsEntry("sealed_note", null)
                .containsEntry("requester_erased", true).containsEntry("confirmed", 1);
        HelpRequestView view = readSide.helpRequests.handle(new FindHelpRequestQuery(id), as(COORDINATOR_KOELN));
        assertThat(view.requesterErased()).isTrue();
        assertThat(view.requesterName()).isNull();
        assertThat(view.place()).isNull();
        assertThat(view.assignments()).singleElement().satisfies(v -> {
            assertThat(v.place()).isNull();
            assertThat(v.volunteerName()).isEqualTo("Amira Haddad");
        });
    }

    @Test
    void an_erased_volunteers_assignments_keep_status_and_days_but_no_name_or_reason() {
        HelpRequestId id = readSide.openRequest(KOELN, ACCOMPANIMENT, Set.of("fa"), TUESDAY, 1, "Familie K.", "Ausländerbehörde");
        AssignmentId a = readSide.ask(id, amira, KOELN, TUESDAY);
        readSide.confirm(id, a, amira, KOELN);
        readSide.tookPlace(id, a, amira, KOELN, LocalDate.of(2025, 7, 1), 75);
        AssignmentId b = readSide.ask(id, bernd, KOELN, TUESDAY);
        readSide.cancelAssignment(id, b, bernd, KOELN, false, "doch nicht nötig");
        readSide.erase(amira, KOELN, LocalDate.of(2025, 7, 5));
        readSide.erase(bernd, KOELN, LocalDate.of(2025, 7, 5));
        assertThat(readSide.jdbc.getJdbcOperations().queryForList(
                "select sealed_reason from assignment_view where sealed_reason is not null")).isEmpty();
        HelpRequestView view = readSide.helpRequests.handle(new FindHelpRequestQuery(id), as(COORDINATOR_KOELN));
        assertThat(view.summary().confirmed()).isEqualTo(1);
        assertThat(view.assignments()).allSatisfy(v -> {
            assertThat(v.volunteerName()).isNull();
            assertThat(v.reason()).isNull();
        });
        assertThat(view.assignments()).anySatisfy(v -> assertThat(v.tookPlaceOn()).containsExactly(LocalDate.of(2025, 7, 1)));
    }

    // ---- issue 19: a request found unstaffed before it starts ---------------------------------------------

    private List<HelpRequestSummary> board() {
        return readSide.helpRequests.handle(new FindHelpRequestsQuery(KOELN, null, null), as(COORDINATOR_KOELN)).requests();
    }

    private List<Boolean> statusRowsMarkedUnstaffed(HelpRequestId id) {
        return readSide.jdbc.getJdbcOperations().queryForList(
                "select unstaffed from help_request_status where request_id = ? order by sequence_number", Boolean.class, id.toString());
    }

    @Test
    void a_request_found_unstaffed_comes_first_on_the_board_with_its_start_until_it_is_staffed() {
        Schedule sooner = Schedule.once(LocalDate.of(2025, 6, 30), LocalTime.of(8, 0), LocalTime.of(9, 0));
        HelpRequestId soonest = readSide.openRequest(KOELN, ACCOMPANIMENT, Set.of(), sooner, 1, "Herr A.", "Amt");
        HelpRequestId id = readSide.openRequest(KOELN, ACCOMPANIMENT, Set.of("fa"), TUESDAY, 2, "Familie K.", "Ausländerbehörde");
        AssignmentId a = readSide.ask(id, amira, KOELN, TUESDAY);
        readSide.confirm(id, a, amira, KOELN);
        assertThat(board()).extracting(HelpRequestSummary::requestId).containsExactly(soonest, id);
        assertThat(board()).noneMatch(HelpRequestSummary::unstaffed);

        readSide.unstaffed(id, KOELN, TUESDAY.startsAt(), 1, 2);

        assertThat(board()).extracting(HelpRequestSummary::requestId).as("the unstaffed one first, though it starts later")
                .containsExactly(id, soonest);
        HelpRequestSummary marked = board().get(0);
        assertThat(marked.unstaffedStartsAt()).isEqualTo(TUESDAY.startsAt());
        assertThat(marked.confirmed()).isEqualTo(1);
        assertThat(marked.volunteersNeeded()).isEqualTo(2);
        assertThat(marked.status()).isEqualTo(HelpRequestStatus.PARTLY_STAFFED);
        assertThat(readSide.helpRequests.handle(new FindHelpRequestQuery(id), as(COORDINATOR_KOELN)).summary().unstaffed()).isTrue();
        assertThat(statusRowsMarkedUnstaffed(id)).containsExactly(false, false, false, true);

        AssignmentId b = readSide.ask(id, bernd, KOELN, TUESDAY);
        assertThat(board().get(0).unstaffed()).as("asked is not confirmed: still unstaffed").isTrue();
        readSide.confirm(id, b, bernd, KOELN);
        assertThat(board()).extracting(HelpRequestSummary::requestId).containsExactly(soonest, id);
        assertThat(board()).noneMatch(HelpRequestSummary::unstaffed);
        readSide.cancelAssignment(id, b, bernd, KOELN, true, "krank");
        assertThat(board()).as("answered once: the mark stays gone").noneMatch(HelpRequestSummary::unstaffed);
        assertThat(statusRowsMarkedUnstaffed(id)).as("the history keeps the escalation").contains(true);
    }

    @Test
    void the_mark_goes_with_a_cancellation_or_a_closing_and_a_late_fact_marks_nothing() {
        HelpRequestId cancelled = readSide.openRequest(KOELN, ACCOMPANIMENT, Set.of("fa"), TUESDAY, 1, "Familie K.", "Amt");
        HelpRequestId closed = readSide.openRequest(KOELN, ACCOMPANIMENT, Set.of("fa"), TUESDAY, 1, "Familie L.", "Amt");
        HelpRequestId late = readSide.openRequest(KOELN, ACCOMPANIMENT, Set.of("fa"), TUESDAY, 1, "Familie M.", "Amt");
        readSide.unstaffed(cancelled, KOELN, TUESDAY.startsAt(), 0, 1);
        readSide.unstaffed(closed, KOELN, TUESDAY.startsAt(), 0, 1);
        assertThat(request(cancelled).get("unstaffed_starts_at")).isNotNull();
        assertThat(request(closed).get("unstaffed_starts_at")).isNotNull();
        readSide.cancelRequest(cancelled, KOELN, "Termin verlegt");
        readSide.closeRequest(closed, KOELN, LocalDate.of(2025, 7, 2));
        readSide.closeRequest(late, KOELN, LocalDate.of(2025, 7, 2));
        readSide.unstaffed(late, KOELN, TUESDAY.startsAt(), 0, 1); // recorded after it was closed
        for (HelpRequestId id : List.of(cancelled, closed, late)) {
            assertThat(request(id)).containsEntry("unstaffed_at", null).containsEntry("unstaffed_starts_at", null);
        }
        assertThat(readSide.helpRequests.handle(new FindHelpRequestsQuery(KOELN,
                Set.copyOf(java.util.EnumSet.allOf(HelpRequestStatus.class)), null), as(COORDINATOR_KOELN)).requests())
                .hasSize(3).noneMatch(HelpRequestSummary::unstaffed);
        assertThat(statusRowsMarkedUnstaffed(late)).as("nor is it counted as escalated").doesNotContain(true);
        assertThat(statusRowsMarkedUnstaffed(cancelled)).contains(true);
    }

    @Test
    void the_unstaffed_fact_delivered_again_or_replayed_leaves_the_same_rows() {
        HelpRequestId id = readSide.openRequest(KOELN, ACCOMPANIMENT, Set.of("fa"), TUESDAY, 2, "Familie K.", "Amt");
        EventMessage<?> fact = readSide.unstaffed(id, KOELN, TUESDAY.startsAt(), 0, 2);
        Map<String, List<Map<String, Object>>> once = History.tables(readSide);
        readSide.redeliver(fact);
        assertThat(History.tables(readSide)).isEqualTo(once);
        readSide.resetAndReplay();
        assertThat(History.tables(readSide)).isEqualTo(once);
        assertThat(request(id).get("unstaffed_starts_at")).isNotNull();
    }

    @Test
    void every_event_delivered_twice_and_a_replay_in_batches_leave_the_same_rows() {
        new History().record(readSide);
        Map<String, List<Map<String, Object>>> once = History.tables(readSide);
        for (EventMessage<?> event : readSide.recorded()) {
            readSide.redeliver(event);
        }
        assertThat(History.tables(readSide)).isEqualTo(once);
        readSide.reset();
        readSide.replayInBatches(7);
        assertThat(History.tables(readSide)).isEqualTo(once);
    }
}
