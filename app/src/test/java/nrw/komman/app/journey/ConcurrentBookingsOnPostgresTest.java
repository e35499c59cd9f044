package nrw.komman.app.journey;

import nrw.komman.app.KommAnApplication;
import nrw.komman.app.support.Api;
import nrw.komman.app.support.Api.Response;
import nrw.komman.app.support.EmbeddedPostgresServer;
import nrw.komman.app.support.HelpRequests;
import nrw.komman.app.support.ReadModels;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static nrw.komman.app.support.Requests.volunteer;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static nrw.komman.app.support.TestAccounts.KOELN_CENTRE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The booking rules hold under real concurrency, on two nodes of the application on one PostgreSQL (issue 18): two
 * coordinators booking one volunteer for overlapping times at once, each for another request (another aggregate), the
 * set-based check lets exactly one win and tells the others 409 {@code assignment.volunteer.booked}; and an offer to
 * many, accepted by all of them at once through their links, staffs the request with exactly as many as it asked for.
 * The event store is the judge: it holds one hold of the volunteer's time per round, never two.
 */
class ConcurrentBookingsOnPostgresTest {

    private static final int RACERS = 8;
    private static final int ROUNDS = 4;

    @Test
    void of_coordinators_booking_one_volunteer_at_overlapping_times_on_two_nodes_exactly_one_wins() throws Exception {
        String url = EmbeddedPostgresServer.newDatabaseUrl();
        try (ConfigurableApplicationContext a = start(url); ConfigurableApplicationContext b = start(url)) {
            List<Api> nodes = List.of(api(a), api(b));
            TestAccounts.createAll(nodes.get(0));
            JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
            LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
            ExecutorService pool = Executors.newFixedThreadPool(RACERS);
            try {
                for (int round = 0; round < ROUNDS; round++) {
                    LocalDate day = HelpRequests.next(DayOfWeek.MONDAY, today).plusWeeks(round);
                    String volunteer = register(nodes.get(0), "Wettlauf " + round);
                    // one request per racer, each overlapping every other (9:00–11:00 shifted by up to 70 minutes)
                    List<String> requests = new ArrayList<>();
                    for (int i = 0; i < RACERS; i++) {
                        LocalTime start = LocalTime.of(9, 0).plusMinutes(10L * i);
                        requests.add(open(nodes.get(i % 2), HelpRequests.once(day, start, start.plusHours(2), 90, List.of("prs"), 1)));
                    }
                    ReadModels.awaitCaughtUp(nodes.get(0));
                    List<Response> answers = race(pool, i -> nodes.get(i % 2).post("/api/help-requests/" + requests.get(i) + "/assignments",
                            Map.of("volunteerId", volunteer), KOELN));

                    List<Integer> statuses = answers.stream().map(Response::status).toList();
                    assertThat(statuses).as("round %d: %s", round, answers).containsOnly(201, 409);
                    assertThat(statuses.stream().filter(s -> s == 201).count()).as("round %d: one wins", round).isEqualTo(1);
                    answers.stream().filter(r -> r.status() == 409).forEach(r ->
                            assertThat(r.text("code")).as(r.toString()).isEqualTo("assignment.volunteer.booked"));
                    assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like '%VolunteerAskedEvent' "
                            + "and convert_from(payload, 'UTF8') like ?", Long.class, "%" + volunteer + "%"))
                            .as("round %d: the volunteer's time is held once in the event store", round).isEqualTo(1);
                    ReadModels.awaitCaughtUp(nodes.get(1));
                    assertThat(nodes.get(1).get("/api/volunteers/" + volunteer + "/assignments?upcoming=true", KOELN).json()
                            .path("assignments").size()).as("round %d: one assignment to show", round).isEqualTo(1);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void an_offer_accepted_by_everyone_at_once_on_two_nodes_is_staffed_with_exactly_the_number_asked() throws Exception {
        String url = EmbeddedPostgresServer.newDatabaseUrl();
        try (ConfigurableApplicationContext a = start(url); ConfigurableApplicationContext b = start(url)) {
            List<Api> nodes = List.of(api(a), api(b));
            TestAccounts.createAll(nodes.get(0));
            LocalDate day = HelpRequests.next(DayOfWeek.THURSDAY, LocalDate.now(ZoneId.of("Europe/Berlin")));
            ExecutorService pool = Executors.newFixedThreadPool(RACERS);
            try {
                for (int round = 0; round < ROUNDS; round++) {
                    int needed = 1 + round % 3;
                    List<String> volunteers = new ArrayList<>();
                    Map<String, String> tokens = new HashMap<>();
                    for (int i = 0; i < RACERS; i++) {
                        String v = register(nodes.get(0), "Angebot " + round + " " + i);
                        volunteers.add(v);
                        Response link = nodes.get(0).post("/api/volunteers/" + v + "/link", Map.of(), KOELN);
                        assertThat(link.status()).as(link.toString()).isEqualTo(201);
                        tokens.put(v, link.text("token"));
                    }
                    LocalTime start = LocalTime.of(8, 0).plusHours(round * 3L);
                    String request = open(nodes.get(0), HelpRequests.once(day, start, start.plusHours(2), 90, List.of("prs"), needed));
                    ReadModels.awaitCaughtUp(nodes.get(0));
                    Response offers = nodes.get(0).post("/api/help-requests/" + request + "/offers", Map.of("volunteerIds", volunteers), KOELN);
                    assertThat(offers.status()).as(offers.toString()).isEqualTo(201);
                    Map<String, String> assignments = new HashMap<>();
                    volunteers.forEach(v -> assignments.put(v, offers.json().path("assignmentIds").path(v).asText()));
                    ReadModels.awaitCaughtUp(nodes.get(0));

                    List<Response> answers = race(pool, i -> {
                        String v = volunteers.get(i);
                        return nodes.get(i % 2).post("/api/link/" + tokens.get(v) + "/assignments/" + assignments.get(v) + "/confirmation",
                                Map.of(), null);
                    });

                    long accepted = answers.stream().filter(r -> r.status() >= 200 && r.status() < 300).count();
                    assertThat(answers.stream().map(Response::status).filter(s -> s < 200 || s >= 300))
                            .as("round %d: %s", round, answers).containsOnly(409);
                    assertThat(accepted).as("round %d: first come, first served until staffed", round).isEqualTo(needed);
                    ReadModels.awaitCaughtUp(nodes.get(1));
                    var view = nodes.get(1).get("/api/help-requests/" + request, KOELN).json();
                    assertThat(view.path("summary").path("confirmed").asInt()).as("round %d", round).isEqualTo(needed);
                    assertThat(view.path("summary").path("status").asText()).isEqualTo("STAFFED");
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** Sends the racers' requests at once (after a common start signal) and collects the answers in racer order. */
    private static List<Response> race(ExecutorService pool, Racer racer) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            int index = i;
            Callable<Response> call = () -> {
                go.await();
                return racer.send(index);
            };
            futures.add(pool.submit(call));
        }
        go.countDown();
        List<Response> answers = new ArrayList<>();
        for (Future<Response> f : futures) {
            answers.add(f.get(2, TimeUnit.MINUTES));
        }
        return answers;
    }

    @FunctionalInterface
    private interface Racer {
        Response send(int index) throws Exception;
    }

    private static String register(Api api, String name) {
        Map<String, Object> body = new HashMap<>(volunteer(name, "wettlauf." + UUID.randomUUID() + "@example.org"));
        body.put("languages", List.of("prs", "de"));
        Response r = api.post("/api/centres/" + KOELN_CENTRE + "/volunteers", body, KOELN);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("volunteerId");
    }

    private static String open(Api api, Map<String, Object> body) {
        Response r = api.post("/api/centres/" + KOELN_CENTRE + "/help-requests", body, KOELN);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("requestId");
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(KommAnApplication.class).run("--spring.profiles.active=postgres,test",
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--server.port=0", "--komman.admin.password=" + TestAccounts.ADMIN_PASSWORD);
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }
}
