package nrw.komman.app.journey;

import nrw.komman.app.support.Api;
import nrw.komman.app.support.OnPostgres;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static nrw.komman.app.support.Requests.volunteer;
import static nrw.komman.app.support.TestAccounts.DUESSELDORF;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The set-based e-mail check holds under real concurrency on PostgreSQL: many registrations with the same
 * address, from two centres at once. Within each centre exactly one wins and the others are told (409); across
 * the centres both winners are registered, but exactly one holds the address's claim (ADR 27).
 */
// its own application and database: it counts every claim, held address and registration in the store, and the
// other tests on PostgreSQL would otherwise share theirs (the context cache keys on the configuration alone)
@org.springframework.test.context.TestPropertySource(properties = "komman.test.own-database=concurrent-registrations")
class ConcurrentRegistrationsOnPostgresTest extends OnPostgres {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private static final String NEITHER_CLAIMED_NOR_HELD = """
                    select count(*) from volunteer_email e
                     where not exists (select 1 from active_email_claim c where c.volunteer_id = e.volunteer_id)
                       and e.held_since is null""";

    @Test
    void of_racing_registrations_with_one_email_address_one_per_centre_succeeds_and_exactly_one_claims_it() throws Exception {
        Api api = new Api(port);
        TestAccounts.createAll(api);
        int rounds = 5;
        int racers = 8;
        // the database may be shared with other tests of the same configuration: count what this test adds
        long claimsBefore = jdbc.queryForObject("select count(*) from active_email_claim", Long.class);
        long heldBefore = jdbc.queryForObject("select count(*) from volunteer_email where held_since is not null", Long.class);
        // (a deactivated volunteer of another test keeps its address row, neither claimed nor held)
        long neitherBefore = jdbc.queryForObject(NEITHER_CLAIMED_NOR_HELD, Long.class);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            for (int round = 0; round < rounds; round++) {
                String email = "wettlauf." + UUID.randomUUID() + "@example.org";
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    boolean koeln = i % 2 == 0;
                    answers.add(pool.submit(() -> {
                        start.await();
                        return api.post("/api/centres/" + (koeln ? "05315" : "05111") + "/volunteers",
                                volunteer("Racer", email), koeln ? KOELN : DUESSELDORF).status();
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get());
                }
                List<Integer> koeln = new ArrayList<>();
                List<Integer> duesseldorf = new ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    (i % 2 == 0 ? koeln : duesseldorf).add(statuses.get(i));
                }
                for (List<Integer> centre : List.of(koeln, duesseldorf)) {
                    assertThat(centre).as("round %d", round).containsOnly(201, 409);
                    assertThat(centre.stream().filter(s -> s == 201).count()).as("round %d", round).isEqualTo(1);
                }
            }
            // every address has exactly one claim, and the other centre's winner holds it without
            assertThat(jdbc.queryForObject("select count(*) from active_email_claim", Long.class)).isEqualTo(claimsBefore + rounds);
            assertThat(jdbc.queryForObject("select count(*) from volunteer_email where held_since is not null", Long.class))
                    .isEqualTo(heldBefore + rounds);
            assertThat(jdbc.queryForObject(NEITHER_CLAIMED_NOR_HELD, Long.class)).as("no address neither claimed nor held")
                    .isEqualTo(neitherBefore);
        } finally {
            pool.shutdownNow();
        }
        Long registered = jdbc.queryForObject(
                "select count(*) from domain_event_entry where payload_type like '%VolunteerRegisteredEvent'", Long.class);
        assertThat(registered).isEqualTo(2L * rounds);
    }
}
