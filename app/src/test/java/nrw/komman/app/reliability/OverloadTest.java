package nrw.komman.app.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nrw.komman.app.support.Api;
import nrw.komman.app.support.OnH2;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static nrw.komman.app.support.Requests.volunteer;
import static nrw.komman.app.support.TestAccounts.DUESSELDORF;
import static nrw.komman.app.support.TestAccounts.DUESSELDORF_CENTRE;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static nrw.komman.app.support.TestAccounts.KOELN_CENTRE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: 200 clients at once, mixing writes and reads, on the embedded default. The work in flight is
 * bounded by what the connection pool can serve (ADR 28); the rest is refused at once with 503 and
 * Retry-After. So no request waits longer than 10 s, every acknowledged registration is stored, and
 * nothing else goes wrong. The figures (percentiles, number of 503s) are printed, not asserted beyond
 * the 10 s promise.
 */
@TestPropertySource(properties = "komman.read-your-writes.timeout=2s")
class OverloadTest extends OnH2 {

    private static final int CLIENTS = 200;
    private static final int ROUNDS = 4;
    private static final Duration PROMISE = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void two_hundred_clients_get_an_answer_within_ten_seconds_and_nothing_acknowledged_is_lost() throws Exception {
        Api api = new Api(port);
        TestAccounts.createAll(api);
        // the two programs have signed in before the storm (their password checks are remembered, ADR 13)
        assertThat(api.get("/api/centres", KOELN).status()).isEqualTo(200);
        assertThat(api.get("/api/centres", DUESSELDORF).status()).isEqualTo(200);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(16)).build();
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        for (int c = 0; c < CLIENTS; c++) {
            boolean koeln = c % 2 == 0;
            int client = c;
            clients.submit(() -> {
                start.await();
                for (int round = 0; round < ROUNDS; round++) {
                    boolean write = (client + round) % 2 == 0;
                    Sample s = write ? register(http, koeln) : readRoster(http, koeln);
                    samples.add(s);
                    if (s.status == 201) {
                        acknowledged.add(s.volunteerId);
                    } else if (s.status == 503) {
                        if (s.retryAfter == null) {
                            unexpected.add("503 without Retry-After");
                        }
                    } else if (s.status != 200) {
                        unexpected.add(s.kind + " answered " + s.status + ": " + s.body);
                    }
                }
                return null;
            });
        }
        long began = System.nanoTime();
        start.countDown();
        clients.shutdown();
        assertThat(clients.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        long wallMillis = (System.nanoTime() - began) / 1_000_000;

        report(samples, wallMillis);
        assertThat(unexpected).as("answers other than 200, 201 and 503 with Retry-After").isEmpty();
        assertThat(samples).hasSize(CLIENTS * ROUNDS);
        long slowest = samples.stream().mapToLong(s -> s.millis).max().orElseThrow();
        assertThat(slowest).as("the slowest answer (ms)").isLessThanOrEqualTo(PROMISE.toMillis());
        assertThat(acknowledged).as("acknowledged registrations").isNotEmpty();
        Set<String> stored = ConcurrentHashMap.newKeySet();
        stored.addAll(jdbc.queryForList(
                "select aggregate_identifier from domain_event_entry where payload_type like '%VolunteerRegisteredEvent'",
                String.class));
        assertThat(stored).as("every acknowledged registration is in the event store").containsAll(acknowledged);
    }

    private Sample register(HttpClient http, boolean koeln) {
        String centre = koeln ? KOELN_CENTRE : DUESSELDORF_CENTRE;
        String body;
        try {
            body = JSON.writeValueAsString(volunteer("Last Probe", "last." + UUID.randomUUID() + "@example.org"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        HttpRequest request = request("/api/centres/" + centre + "/volunteers", koeln)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json").build();
        return send(http, "write", request);
    }

    private Sample readRoster(HttpClient http, boolean koeln) {
        String centre = koeln ? KOELN_CENTRE : DUESSELDORF_CENTRE;
        return send(http, "read", request("/api/centres/" + centre + "/volunteers?size=50", koeln).GET().build());
    }

    private HttpRequest.Builder request(String path, boolean koeln) {
        Api.Login as = koeln ? KOELN : DUESSELDORF;
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (as.username() + ":" + as.password()).getBytes(StandardCharsets.UTF_8)));
    }

    private static Sample send(HttpClient http, String kind, HttpRequest request) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - t0) / 1_000_000;
            String id = null;
            if (r.statusCode() == 201) {
                JsonNode node = JSON.readTree(r.body());
                id = node.path("volunteerId").asText(node.path("id").asText());
            }
            return new Sample(kind, r.statusCode(), millis, r.headers().firstValue("Retry-After").orElse(null), id,
                    r.body().length() > 300 ? r.body().substring(0, 300) : r.body());
        } catch (Exception e) {
            long millis = (System.nanoTime() - t0) / 1_000_000;
            return new Sample(kind, -1, millis, null, null, e.toString());
        }
    }

    private static void report(List<Sample> samples, long wallMillis) {
        Map<String, List<Long>> byKind = new TreeMap<>();
        Map<String, Long> statuses = new TreeMap<>();
        for (Sample s : samples) {
            byKind.computeIfAbsent(s.kind + " " + s.status, k -> new ArrayList<>()).add(s.millis);
            statuses.merge(s.kind + " " + s.status, 1L, Long::sum);
        }
        List<Long> all = samples.stream().map(s -> s.millis).sorted().toList();
        System.out.printf("OVERLOAD %d clients x %d rounds in %d ms: all p50=%d p95=%d p99=%d max=%d ms; answers %s%n",
                CLIENTS, ROUNDS, wallMillis, pct(all, 50), pct(all, 95), pct(all, 99), all.get(all.size() - 1), statuses);
        byKind.forEach((kind, millis) -> {
            List<Long> sorted = millis.stream().sorted().toList();
            System.out.printf("OVERLOAD   %-10s n=%4d p50=%5d p95=%5d max=%5d ms%n", kind, sorted.size(), pct(sorted, 50),
                    pct(sorted, 95), sorted.get(sorted.size() - 1));
        });
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private record Sample(String kind, int status, long millis, String retryAfter, String volunteerId, String body) {
    }
}
