package nrw.komman.app.journey;

import nrw.komman.app.support.Api;
import nrw.komman.app.support.Api.Response;
import nrw.komman.app.support.OnPostgres;
import nrw.komman.app.support.TestAccounts;
import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.activity.ActivityLoggedEvent;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.DomainException;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.coordination.AskVolunteerCommand;
import nrw.komman.kernel.coordination.AssignmentCancelledEvent;
import nrw.komman.kernel.coordination.AssignmentId;
import nrw.komman.kernel.coordination.AssignmentTookPlaceEvent;
import nrw.komman.kernel.coordination.ConfirmAssignmentCommand;
import nrw.komman.kernel.coordination.HelpRequestId;
import nrw.komman.kernel.coordination.OpenHelpRequestCommand;
import nrw.komman.kernel.coordination.RecordAssignmentTookPlaceCommand;
import nrw.komman.kernel.coordination.Schedule;
import nrw.komman.kernel.coordination.VolunteerAskedEvent;
import nrw.komman.kernel.volunteer.VolunteerId;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static nrw.komman.app.support.Requests.volunteer;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coordination's transactions on PostgreSQL through the command gateway of one node (issue 18; over HTTP on two nodes:
 * {@link ConcurrentBookingsOnPostgresTest}). The rule "no volunteer in two overlapping assignments": requests
 * for help ask the same volunteers for overlapping slots at the same moment, through the real application's command
 * gateway and its booking ledger. Exactly one booking per volunteer wins, every other is a 409
 * (assignment.volunteer.booked, a {@link RuleViolationException}), and the event store holds no double booking.
 * Also the two places where the command side reaches across aggregates in one transaction: the activity an
 * assignment becomes, and the cancellation of a deactivated volunteer's assignments.
 */
class CoordinationTransactionsOnPostgresTest extends OnPostgres {

    private static final CentreId KOELN_CENTRE = new CentreId(TestAccounts.KOELN_CENTRE);
    private static final Actor COORDINATOR = Actor.coordinator(KOELN.username(), KOELN_CENTRE);
    private static final LocalDate NEXT_WEEK = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(7);

    @LocalServerPort
    int port;

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbc;

    private Api api;

    @BeforeEach
    void accounts() {
        api = new Api(port);
        TestAccounts.createAll(api);
    }

    @Test
    void racing_bookings_of_the_same_volunteers_for_overlapping_slots_let_exactly_one_win_per_volunteer() throws Exception {
        List<VolunteerId> volunteers = List.of(registered("Amira Haddad"), registered("Jonas Weber"));
        int clients = 8;
        // eight requests on the same day, 9:00–11:00, 9:10–11:10, ...: every slot overlaps every other
        List<HelpRequestId> requests = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            requests.add(opened(Schedule.once(NEXT_WEEK, LocalTime.of(9, 10 * i % 60).plusHours(i / 6),
                    LocalTime.of(11, 10 * i % 60).plusHours(i / 6))));
        }

        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Object> answers = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                HelpRequestId request = requests.get(i);
                VolunteerId volunteer = volunteers.get(i % volunteers.size());
                futures.add(pool.submit(() -> {
                    start.await();
                    return answer(() -> send(new AskVolunteerCommand(request, AssignmentId.random(), volunteer)));
                }));
            }
            start.countDown();
            for (Future<Object> f : futures) {
                answers.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(answers.stream().filter("booked"::equals)).as(answers.toString()).hasSize(volunteers.size());
        assertThat(answers.stream().filter(a -> !"booked".equals(a)))
                .as("every other answer is the clear refusal")
                .allSatisfy(a -> assertThat(a).isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.code()).isEqualTo("assignment.volunteer.booked");
                    assertThat(e.getMessage()).contains("ist zu dieser Zeit schon für einen anderen Einsatz eingeplant");
                }));
        List<VolunteerAskedEvent> asked = askedIn(requests);
        assertThat(asked).hasSize(volunteers.size());
        for (VolunteerAskedEvent a : asked) {
            for (VolunteerAskedEvent b : asked) {
                if (a != b && a.volunteerId().equals(b.volunteerId())) {
                    assertThat(a.schedule().overlaps(b.schedule())).as("a double booking in the event store").isFalse();
                }
            }
        }
        assertThat(jdbc.queryForObject("select count(*) from booking_occurrence", Integer.class)).isEqualTo(volunteers.size());
    }

    @Test
    void a_deactivated_volunteers_live_assignment_is_cancelled_in_the_same_transaction() {
        VolunteerId amira = registered("Amira Haddad");
        HelpRequestId request = opened(Schedule.once(NEXT_WEEK, LocalTime.of(14, 0), LocalTime.of(16, 0)));
        AssignmentId assignment = AssignmentId.random();
        send(new AskVolunteerCommand(request, assignment, amira));
        send(new ConfirmAssignmentCommand(request, assignment));

        Response deactivated = api.post("/api/volunteers/" + amira + "/deactivation", Map.of(), KOELN);
        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(204);

        DomainEventMessage<?> cancelled = eventsOf(request.toString()).stream()
                .filter(e -> e.getPayload() instanceof AssignmentCancelledEvent).findFirst().orElseThrow();
        assertThat(((AssignmentCancelledEvent) cancelled.getPayload()).afterConfirmation()).isTrue();
        assertThat(Actor.fromMetaData(cancelled.getMetaData()))
                .isEqualTo(new Actor(Actor.SYSTEM.account(), nrw.komman.kernel.common.AccountRole.SYSTEM, KOELN_CENTRE));
        assertThat(jdbc.queryForObject("select count(*) from booking_assignment where volunteer_id = ?", Integer.class,
                amira.toString())).isZero();
    }

    @Test
    void an_assignment_that_took_place_is_logged_as_the_volunteers_activity_in_the_same_transaction() {
        VolunteerId amira = registered("Amira Haddad");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        // every day from a week ago to a week ahead: confirmable now, and yesterday already took place
        HelpRequestId request = opened(Schedule.weekly(today.minusDays(7), today.plusDays(7), EnumSet.allOf(DayOfWeek.class),
                LocalTime.of(6, 0), LocalTime.of(8, 0)));
        AssignmentId assignment = AssignmentId.random();
        send(new AskVolunteerCommand(request, assignment, amira));
        send(new ConfirmAssignmentCommand(request, assignment));
        ActivityId activity = new ActivityId(UUID.randomUUID());

        send(new RecordAssignmentTookPlaceCommand(request, assignment, today.minusDays(1), 100, activity));

        assertThat(eventsOf(request.toString())).extracting(e -> (Object) e.getPayload())
                .hasAtLeastOneElementOfType(AssignmentTookPlaceEvent.class);
        assertThat(eventsOf(amira.toString())).extracting(e -> (Object) e.getPayload())
                .contains(new ActivityLoggedEvent(activity, amira, KOELN_CENTRE, today.minusDays(1), 100,
                        ActivityCategory.ACCOMPANIMENT, null, null));

        // once the volunteer is deactivated (and the policy cancelled the assignment), nothing more is recorded
        assertThat(api.post("/api/volunteers/" + amira + "/deactivation", Map.of(), KOELN).status()).isEqualTo(204);
        Object refused = answer(() -> send(new RecordAssignmentTookPlaceCommand(request, assignment, today.minusDays(2), 100,
                new ActivityId(UUID.randomUUID()))));
        assertThat(refused).isInstanceOf(DomainException.class);
        assertThat(eventsOf(request.toString())).extracting(e -> (Object) e.getPayload())
                .filteredOn(AssignmentTookPlaceEvent.class::isInstance).hasSize(1);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------------

    private VolunteerId registered(String name) {
        Response registered = api.post("/api/centres/" + TestAccounts.KOELN_CENTRE + "/volunteers",
                volunteer(name, name.toLowerCase().replace(' ', '.') + "." + UUID.randomUUID() + "@example.org"), KOELN);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return VolunteerId.parse(registered.text("volunteerId"));
    }

    private HelpRequestId opened(Schedule schedule) {
        HelpRequestId request = HelpRequestId.random();
        send(new OpenHelpRequestCommand(request, KOELN_CENTRE, ActivityCategory.ACCOMPANIMENT, Set.of("prs"), schedule, 100,
                "Köln", "Ausländerbehörde", 1, "Familie Rahimi", null, null, null));
        return request;
    }

    private void send(Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(COORDINATOR.toMetaData())));
    }

    /** "booked" when the command succeeded, else the domain refusal it ended with. */
    private static Object answer(Runnable command) {
        try {
            command.run();
            return "booked";
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof DomainException refusal) {
                    return refusal;
                }
            }
            throw e;
        }
    }

    private List<VolunteerAskedEvent> askedIn(List<HelpRequestId> requests) {
        List<VolunteerAskedEvent> asked = new ArrayList<>();
        for (HelpRequestId request : requests) {
            for (DomainEventMessage<?> event : eventsOf(request.toString())) {
                if (event.getPayload() instanceof VolunteerAskedEvent a) {
                    asked.add(a);
                }
            }
        }
        return asked;
    }

    private List<DomainEventMessage<?>> eventsOf(String aggregateId) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(aggregateId).forEachRemaining(events::add);
        return events;
    }
}
