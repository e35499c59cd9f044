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
 * The set-based e-mail check holds under real concurrency on PostgreSQL: many registrations with
 * the same address, from two centres at once, and exactly one of them wins.
 */
class ConcurrentRegistrationsOnPostgresTest extends OnPostgres {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void of_racing_registrations_with_one_email_address_exactly_one_succeeds_and_the_others_get_409() throws Exception {
        Api api = new Api(port);
        TestAccounts.createAll(api);
        int rounds = 5;
        int racers = 8;
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
                assertThat(statuses).as("round %d", round).containsOnly(201, 409);
                assertThat(statuses.stream().filter(s -> s == 201).count()).as("round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        Long registered = jdbc.queryForObject(
                "select count(*) from domain_event_entry where payload_type like '%VolunteerRegisteredEvent'", Long.class);
        assertThat(registered).isEqualTo(rounds);
    }
}
