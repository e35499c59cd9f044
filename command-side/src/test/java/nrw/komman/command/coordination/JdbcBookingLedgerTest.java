package nrw.komman.command.coordination;

import nrw.komman.command.testing.TestBookings;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.coordination.AssignmentId;
import nrw.komman.kernel.coordination.HelpRequestId;
import nrw.komman.kernel.coordination.Schedule;
import nrw.komman.kernel.volunteer.VolunteerId;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The booking ledger on a real database, in transactions, with bookings racing each other. */
class JdbcBookingLedgerTest {

    private static final VolunteerId AMIRA = new VolunteerId(UUID.fromString("0b6f7c1e-0000-4000-8000-000000000001"));
    private static final VolunteerId JONAS = new VolunteerId(UUID.fromString("0b6f7c1e-0000-4000-8000-000000000002"));
    private static final LocalDate TUESDAY = LocalDate.of(2026, 12, 1);
    private static final Schedule MORNING = Schedule.once(TUESDAY, LocalTime.of(9, 0), LocalTime.of(12, 0));

    private final TestBookings bookings = new TestBookings();
    private final JdbcBookingLedger ledger = bookings.ledger();
    private final TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(bookings.dataSource()));

    @Test
    void racing_bookings_of_one_volunteer_for_overlapping_times_let_exactly_one_win() throws Exception {
        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        // each booking waits a moment before it commits, so that unlocked checks would all pass at once
        CountDownLatch checked = new CountDownLatch(clients);
        List<Callable<Boolean>> bookingsAtOnce = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            // every slot overlaps every other one: 9–12, 9:15–12:15, ... on the same Tuesday
            Schedule slot = Schedule.once(TUESDAY, LocalTime.of(9, 15 * (i % 4)), LocalTime.of(12, 15 * (i % 4)));
            bookingsAtOnce.add(() -> {
                start.await();
                while (true) {
                    try {
                        tx.executeWithoutResult(s -> {
                            ledger.hold(AMIRA, AssignmentId.random(), HelpRequestId.random(), slot);
                            checked.countDown();
                            awaitQuietly(checked);
                        });
                        return true;
                    } catch (ConcurrencyException createdMeanwhile) {
                        // the lock row was created by another transaction at the same moment: retried, as the gateway does
                    } catch (RuleViolationException refused) {
                        assertThat(refused.code()).isEqualTo("assignment.volunteer.booked");
                        return false;
                    }
                }
            });
        }
        List<Future<Boolean>> results = new ArrayList<>();
        for (Callable<Boolean> booking : bookingsAtOnce) {
            results.add(pool.submit(booking));
        }
        start.countDown();
        int won = 0;
        for (Future<Boolean> result : results) {
            won += result.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(won).isEqualTo(1);
        assertThat(bookings.jdbc().queryForObject("select count(*) from booking_occurrence where volunteer_id = ?",
                Integer.class, AMIRA.toString())).isEqualTo(1);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void overlapping_occurrences_of_recurring_schedules_are_found() {
        Schedule tuesdays = Schedule.weekly(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 2, 28), Set.of(DayOfWeek.TUESDAY),
                LocalTime.of(15, 0), LocalTime.of(18, 0));
        Schedule thursdays = Schedule.weekly(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 2, 28), Set.of(DayOfWeek.THURSDAY),
                LocalTime.of(15, 0), LocalTime.of(18, 0));
        Schedule oneTuesdayInJanuary = Schedule.once(LocalDate.of(2027, 1, 19), LocalTime.of(17, 30), LocalTime.of(19, 0));
        ledger.hold(AMIRA, AssignmentId.random(), HelpRequestId.random(), tuesdays);
        ledger.hold(AMIRA, AssignmentId.random(), HelpRequestId.random(), thursdays);
        assertThatThrownBy(() -> ledger.hold(AMIRA, AssignmentId.random(), HelpRequestId.random(), oneTuesdayInJanuary))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo("assignment.volunteer.booked"));
        // another volunteer is free then
        ledger.hold(JONAS, AssignmentId.random(), HelpRequestId.random(), oneTuesdayInJanuary);
    }

    @Test
    void a_released_assignment_frees_the_time_and_an_offer_holds_none() {
        AssignmentId asked = AssignmentId.random();
        HelpRequestId request = HelpRequestId.random();
        ledger.hold(AMIRA, asked, request, MORNING);
        AssignmentId offered = AssignmentId.random();
        ledger.offer(AMIRA, offered, HelpRequestId.random());
        assertThat(ledger.liveAssignmentsOf(AMIRA)).extracting(BookingLedger.LiveAssignment::assignmentId)
                .containsExactlyInAnyOrder(asked, offered);
        ledger.release(asked);
        ledger.hold(AMIRA, AssignmentId.random(), HelpRequestId.random(), MORNING);
        assertThat(ledger.liveAssignmentsOf(AMIRA)).hasSize(2);
    }

    @Test
    void a_refused_booking_in_a_transaction_leaves_the_ledger_as_it_was() {
        AssignmentId first = AssignmentId.random();
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            ledger.hold(AMIRA, first, HelpRequestId.random(), MORNING);
            ledger.hold(AMIRA, AssignmentId.random(), HelpRequestId.random(), MORNING);
        })).isInstanceOf(RuleViolationException.class);
        assertThat(bookings.live(first)).isFalse();
        assertThat(bookings.heldOccurrences(first)).isZero();
    }

    @Test
    void an_accepted_offer_holds_the_time_once() {
        AssignmentId offer = AssignmentId.random();
        HelpRequestId request = HelpRequestId.random();
        ledger.offer(AMIRA, offer, request);
        ledger.hold(AMIRA, offer, request, MORNING);
        assertThat(bookings.heldOccurrences(offer)).isEqualTo(1);
        assertThat(ledger.liveAssignmentsOf(AMIRA)).containsExactly(new BookingLedger.LiveAssignment(request, offer));
    }
}
