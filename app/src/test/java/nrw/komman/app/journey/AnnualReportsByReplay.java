package nrw.komman.app.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nrw.komman.app.support.Api;
import nrw.komman.app.support.Api.Download;
import nrw.komman.app.support.Api.Response;
import nrw.komman.app.support.Budgets;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static nrw.komman.app.support.Requests.activity;
import static nrw.komman.app.support.Requests.grant;
import static nrw.komman.app.support.Requests.volunteer;
import static nrw.komman.app.support.TestAccounts.ADMIN;
import static nrw.komman.app.support.TestAccounts.AUDITOR;
import static nrw.komman.app.support.TestAccounts.DUESSELDORF;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static nrw.komman.app.support.TestAccounts.KOELN_CENTRE;
import static nrw.komman.app.support.TestAccounts.MINISTRY;
import static nrw.komman.app.support.TestAccounts.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The annual report as of a past moment (issue 6), replayed from the recorded events: every figure equals a
 * computation of the test's own from the raw rows of the event table; a correction recorded after the cut-off
 * is not in the report of that cut-off; the same cut-off gives the same bytes; a coordinator gets their centre only.
 */
public interface AnnualReportsByReplay {

    ZoneId NRW = ZoneId.of("Europe/Berlin");
    ObjectMapper JSON = new ObjectMapper();

    Api api();

    JdbcTemplate jdbc();

    @Test
    default void every_figure_of_the_report_equals_an_independent_count_of_the_raw_events() {
        TestAccounts.createAll(api());
        int year = LocalDate.now(NRW).getYear();
        recordAHistory(year);

        JsonNode report = annual("fundingYear=" + year, MINISTRY);
        Map<String, Map<String, Long>> expected = countFromRawEvents(year, report.path("lastEventPosition").asLong());

        assertThat(report.path("centres")).hasSizeGreaterThanOrEqualTo(54);
        for (JsonNode centre : report.path("centres")) {
            String id = centre.path("centreId").asText();
            Map<String, Long> mine = expected.getOrDefault(id, Map.of());
            JsonNode f = centre.path("figures");
            Map<String, Long> reported = new TreeMap<>();
            Map<String, Long> counted = new TreeMap<>();
            for (String figure : List.of("activeVolunteers", "newVolunteers", "activities", "minutes")) {
                reported.put(figure, f.path(figure).asLong());
            }
            f.path("minutesByCategory").fields().forEachRemaining(e -> reported.put("minutes." + e.getKey(), e.getValue().asLong()));
            f.path("grantsByStatus").fields().forEachRemaining(e -> reported.put("grants." + e.getKey(), e.getValue().asLong()));
            for (String money : List.of("requested", "approved", "disbursed", "spent", "reclaimed", "repaid")) {
                reported.put(money, cents(f.path(money)));
            }
            reported.keySet().forEach(key -> counted.put(key, mine.getOrDefault(key, 0L)));
            assertThat(reported).as("figures of centre %s", id).isEqualTo(counted).hasSizeGreaterThan(20);
        }
        long stateMinutes = expected.values().stream().mapToLong(m -> m.getOrDefault("minutes", 0L)).sum();
        assertThat(report.path("total").path("minutes").asLong()).isEqualTo(stateMinutes).isPositive();
        long regionMinutes = 0;
        for (JsonNode region : report.path("regions")) {
            regionMinutes += region.path("figures").path("minutes").asLong();
        }
        assertThat(regionMinutes).as("the regions add up to the state").isEqualTo(stateMinutes);
        assertThat(report.path("checksum").asText()).matches("[0-9a-f]{64}");
    }

    @Test
    default void a_correction_recorded_after_the_cut_off_is_in_a_later_report_and_not_in_the_earlier_one() {
        TestAccounts.createAll(api());
        int year = LocalDate.now(NRW).getYear();
        String volunteer = api().post("/api/centres/" + KOELN_CENTRE + "/volunteers",
                volunteer("Stichtag Person", "stichtag." + UUID.randomUUID() + "@example.org"), KOELN).text("volunteerId");
        String activity = api().post("/api/volunteers/" + volunteer + "/activities",
                activity(LocalDate.now(NRW), 60, "INTERPRETING"), KOELN).text("activityId");
        Instant cutOff = Instant.now();
        while (!Instant.now().isAfter(cutOff.plusMillis(2))) {
            Thread.onSpinWait(); // the correction's time stamp must lie after the cut-off
        }
        String before = "fundingYear=" + year + "&centreId=" + KOELN_CENTRE + "&cutOff=" + cutOff;
        Download earlier = api().download("/api/reports/annual.csv?" + before, MINISTRY);
        JsonNode earlierReport = annual(before, MINISTRY);

        Map<String, Object> correction = activity(LocalDate.now(NRW), 150, "INTERPRETING");
        correction.put("reason", "Dauer korrigiert");
        assertThat(api().post("/api/volunteers/" + volunteer + "/activities/" + activity + "/correction", correction, KOELN).status())
                .isEqualTo(204);

        Download again = api().download("/api/reports/annual.csv?" + before, MINISTRY);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).as("the same cut-off gives the same bytes").isEqualTo(earlier.body());
        assertThat(annual(before, MINISTRY)).isEqualTo(earlierReport);
        JsonNode later = annual("fundingYear=" + year + "&centreId=" + KOELN_CENTRE, MINISTRY);
        long interpretingBefore = earlierReport.path("total").path("minutesByCategory").path("INTERPRETING").asLong();
        assertThat(later.path("total").path("minutesByCategory").path("INTERPRETING").asLong())
                .as("the later report has the corrected duration").isEqualTo(interpretingBefore + 90);
        assertThat(later.path("lastEventPosition").asLong()).isGreaterThan(earlierReport.path("lastEventPosition").asLong());
        assertThat(earlierReport.path("cutOff").asText()).isEqualTo(cutOff.truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString());

        // the CSV carries its checksum, and anyone can recompute it from the lines above it
        String csv = new String(earlier.body(), StandardCharsets.UTF_8);
        int last = csv.lastIndexOf("Prüfsumme");
        assertThat(csv.substring(last)).contains(earlierReport.path("checksum").asText());
        assertThat(sha256(csv.substring(0, last))).isEqualTo(earlierReport.path("checksum").asText());
        assertThat(earlier.contentDisposition()).contains("komm-an-jahresbericht-" + year);
    }

    @Test
    default void a_coordinator_gets_the_report_of_their_own_centre_only_and_no_report_names_a_volunteer() {
        TestAccounts.createAll(api());
        int year = LocalDate.now(NRW).getYear();
        String name = "Berichtsperson " + UUID.randomUUID().toString().substring(0, 8);
        String volunteer = api().post("/api/centres/" + KOELN_CENTRE + "/volunteers",
                volunteer(name, "bericht." + UUID.randomUUID() + "@example.org"), KOELN).text("volunteerId");
        api().post("/api/volunteers/" + volunteer + "/activities", activity(LocalDate.now(NRW), 45, "CHILDCARE"), KOELN);

        JsonNode own = annual("fundingYear=" + year, KOELN);
        assertThat(own.path("centreId").asText()).isEqualTo(KOELN_CENTRE);
        assertThat(own.path("centres")).hasSize(1);
        assertThat(own.path("regions")).isEmpty();
        assertThat(own.path("budgets")).isEmpty();
        Response foreign = api().get("/api/reports/annual?fundingYear=" + year + "&centreId=05111", KOELN);
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(403);
        assertThat(foreign.contentType()).contains("application/problem+json");

        for (var reader : List.of(MINISTRY, AUDITOR, OFFICER, ADMIN, KOELN, DUESSELDORF)) {
            Response r = api().get("/api/reports/annual?fundingYear=" + year, reader);
            assertThat(r.status()).as(reader.username() + ": " + r).isEqualTo(200);
            assertThat(r.body()).doesNotContain(name, "bericht.");
            Download csv = api().download("/api/reports/annual.csv?fundingYear=" + year, reader);
            assertThat(new String(csv.body(), StandardCharsets.UTF_8)).doesNotContain(name);
        }
        assertThat(annual("fundingYear=" + year, MINISTRY).path("centres").size()).isGreaterThanOrEqualTo(54);
    }

    @Test
    default void a_report_of_the_future_an_unknown_centre_or_a_garbled_parameter_is_refused_clearly() {
        TestAccounts.createAll(api());
        int year = LocalDate.now(NRW).getYear();
        Map<String, Integer> cases = new TreeMap<>();
        cases.put("fundingYear=" + year + "&asOf=" + LocalDate.now(NRW).plusDays(2), 400);
        cases.put("fundingYear=" + year + "&cutOff=" + Instant.now().plusSeconds(3600), 400);
        cases.put("fundingYear=" + year + "&cutOff=gestern", 400);
        cases.put("fundingYear=" + year + "&asOf=31.12.2026", 400);
        cases.put("fundingYear=abc", 400);
        cases.put("fundingYear=1850", 400);
        cases.put("asOf=2026-01-01", 400);
        cases.put("fundingYear=" + year + "&centreId=x%27%3B%20drop%20table", 400);
        cases.put("fundingYear=" + year + "&centreId=05999", 404);
        cases.put("fundingYear=" + year + "&cutOff=-1000000000-01-01T00:00:00Z", 400);
        cases.put("fundingYear=" + year + "&asOf=1999-12-31", 400);
        cases.forEach((query, status) -> {
            Response r = api().get("/api/reports/annual?" + query, MINISTRY);
            assertThat(r.status()).as(query + " → " + r).isEqualTo(status);
            assertThat(r.contentType()).as(query).contains("application/problem+json");
            assertThat(r.json().path("detail").asText()).as(query).isNotBlank().doesNotContain("Exception");
        });
        assertThat(api().get("/api/reports/annual?fundingYear=" + year, new Api.Login("niemand", "falsch")).status()).isEqualTo(401);
    }

    @Test
    default void a_background_report_shows_its_progress_and_gives_colleagues_the_same_report_as_the_direct_query() {
        TestAccounts.createAll(api());
        int year = LocalDate.now(NRW).getYear();
        String cutOff = Instant.now().minusSeconds(1).toString();
        Response started = api().post("/api/reports/annual/jobs", Map.of("fundingYear", year, "cutOff", cutOff), MINISTRY);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String jobId = started.text("jobId");
        assertThat(started.location()).endsWith("/api/reports/annual/jobs/" + jobId);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> List.of("DONE", "FAILED").contains(api().get("/api/reports/annual/jobs/" + jobId, AUDITOR).json()
                        .path("status").asText()));
        JsonNode job = api().get("/api/reports/annual/jobs/" + jobId, AUDITOR).json();
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("DONE");
        assertThat(job.path("eventsProcessed").asLong()).isEqualTo(job.path("eventsTotal").asLong()).isPositive();
        JsonNode direct = annual("fundingYear=" + year + "&cutOff=" + cutOff, MINISTRY);
        assertThat(api().get("/api/reports/annual/jobs/" + jobId + "/report", OFFICER).json()).as("a colleague's download").isEqualTo(direct);
        assertThat(job.path("checksum").asText()).isEqualTo(direct.path("checksum").asText());
        Download csv = api().download("/api/reports/annual/jobs/" + jobId + "/report.csv", AUDITOR);
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).endsWith(direct.path("checksum").asText() + "\n");
        assertThat(api().get("/api/reports/annual/jobs", ADMIN).body()).contains(jobId);

        // the state's report is not a centre's: a coordinator neither sees nor reads it
        assertThat(api().get("/api/reports/annual/jobs/" + jobId + "/report", KOELN).status()).isEqualTo(403);
        assertThat(api().get("/api/reports/annual/jobs", KOELN).body()).doesNotContain(jobId);
        assertThat(api().get("/api/reports/annual/jobs/" + UUID.randomUUID(), MINISTRY).status()).isEqualTo(404);
        assertThat(api().post("/api/reports/annual/jobs", Map.of("asOf", "2026-01-01"), MINISTRY).status()).isEqualTo(400);
        assertThat(api().raw("POST", "/api/reports/annual/jobs", "application/json", "{\"fundingYear\": \"zwanzig\"}", MINISTRY).status())
                .isEqualTo(400);
    }

    private JsonNode annual(String query, Api.Login as) {
        Response r = api().get("/api/reports/annual?" + query, as);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    /** A write of the history; a refused one would make both counts agree on nothing. */
    private Response ok(Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 299);
        return response;
    }

    private void recordAHistory(int year) {
        LocalDate today = LocalDate.now(NRW);
        String[] categories = {"ACCOMPANIMENT", "LANGUAGE_SUPPORT", "CHILDCARE"};
        for (int i = 0; i < 4; i++) {
            var coordinator = i % 2 == 0 ? KOELN : DUESSELDORF;
            String centre = i % 2 == 0 ? KOELN_CENTRE : "05111";
            String v = ok(api().post("/api/centres/" + centre + "/volunteers",
                    volunteer("Zählperson " + i, "zaehl" + i + "." + UUID.randomUUID() + "@example.org"), coordinator)).text("volunteerId");
            String first = null;
            for (int a = 0; a < 3; a++) {
                String id = ok(api().post("/api/volunteers/" + v + "/activities",
                        activity(today.minusDays(a * 3L), 30 + a * 20, categories[(i + a) % 3]), coordinator)).text("activityId");
                first = first == null ? id : first;
            }
            Map<String, Object> correction = activity(today, 100, "ACCOMPANIMENT");
            correction.put("reason", "korrigiert");
            ok(api().post("/api/volunteers/" + v + "/activities/" + first + "/correction", correction, coordinator));
            if (i == 1) {
                ok(api().post("/api/volunteers/" + v + "/activities/" + first + "/withdrawal", Map.of("reason", "doppelt"), coordinator));
                ok(api().post("/api/volunteers/" + v + "/deactivation", Map.of(), coordinator));
            }
        }
        Budgets.ensure(api(), year, "PART_II_A");
        String closed = ok(api().post("/api/grants", grant(year, "10000.00"), KOELN)).text("grantId");
        ok(api().post("/api/grants/" + closed + "/review", Map.of("recommendation", "APPROVE", "note", "ok"), OFFICER));
        ok(api().post("/api/grants/" + closed + "/approval", Map.of("approvedAmount", "9000.00"), MINISTRY));
        ok(api().post("/api/grants/" + closed + "/fund-requests", Map.of("amount", "5000.00", "purpose", "Honorare"), KOELN));
        ok(api().post("/api/grants/" + closed + "/disbursements", Map.of("amount", "5000.00", "disbursedOn", today.toString()), OFFICER));
        ok(api().post("/api/grants/" + closed + "/usage-report", Map.of("amountSpent", "4500.00", "report", "Bericht", "volunteersReached", 3), KOELN));
        ok(api().post("/api/grants/" + closed + "/closure", Map.of("checkNote", "geprüft"), OFFICER));
        ok(api().post("/api/grants/" + closed + "/repayments", Map.of("amount", "500.00", "receivedOn", today.toString()), OFFICER));
        String rejected = ok(api().post("/api/grants", grant(year, "3000.00"), KOELN)).text("grantId");
        ok(api().post("/api/grants/" + rejected + "/review", Map.of("recommendation", "REJECT", "note", "nein"), OFFICER));
        ok(api().post("/api/grants/" + rejected + "/rejection", Map.of("reason", "nicht förderfähig"), MINISTRY));
    }

    /**
     * The test's own count, straight from the stored rows: payload type and JSON payload, in the order of the global
     * index, up to the report's last position. Nothing of the platform's code is used.
     */
    private Map<String, Map<String, Long>> countFromRawEvents(int year, long upTo) {
        Map<String, Map<String, Long>> byCentre = new HashMap<>();
        Map<String, JsonNode> activities = new HashMap<>();
        Set<String> withdrawn = new HashSet<>();
        Map<String, String[]> volunteers = new HashMap<>(); // id → centre, registeredOn, status
        Map<String, Map<String, Object>> grants = new HashMap<>();
        jdbc().query("select payload_type, payload from domain_event_entry where global_index <= ? order by global_index", rs -> {
            String type = rs.getString(1);
            type = type.substring(type.lastIndexOf('.') + 1);
            JsonNode e = read(rs.getBytes(2));
            switch (type) {
                case "VolunteerRegisteredEvent" -> volunteers.put(e.path("volunteerId").asText(),
                        new String[]{e.path("centreId").asText(), e.path("registeredOn").asText(), "ACTIVE"});
                case "VolunteerDeactivatedEvent" -> volunteers.get(e.path("volunteerId").asText())[2] = "INACTIVE:" + e.path("deactivatedOn").asText();
                case "VolunteerReactivatedEvent" -> volunteers.get(e.path("volunteerId").asText())[2] = "ACTIVE";
                case "ActivityLoggedEvent", "ActivityCorrectedEvent" -> activities.put(e.path("activityId").asText(), e);
                case "ActivityWithdrawnEvent" -> withdrawn.add(e.path("activityId").asText());
                case "GrantAppliedEvent" -> {
                    if (e.path("fundingYear").asInt() == year) {
                        Map<String, Object> g = new HashMap<>();
                        g.put("centre", e.path("centreId").asText());
                        g.put("status", "APPLIED");
                        g.put("requested", cents(e.path("requestedAmount")));
                        g.put("spent", 0L);
                        g.put("reclaimed", 0L);
                        g.put("approved", 0L);
                        g.put("disbursed", 0L);
                        g.put("repaid", 0L);
                        grants.put(e.path("grantId").asText(), g);
                    }
                }
                default -> {
                    Map<String, Object> g = grants.get(e.path("grantId").asText());
                    if (g != null) {
                        switch (type) {
                            case "GrantApprovedEvent" -> {
                                g.put("status", "APPROVED");
                                g.put("approved", cents(e.path("approvedAmount")));
                            }
                            case "GrantAmendedEvent" -> g.put("approved", cents(e.path("approvedAfter")));
                            case "GrantReviewedEvent" -> g.put("status", "REVIEWED");
                            case "GrantRejectedEvent" -> g.put("status", "REJECTED");
                            case "GrantWithdrawnEvent" -> g.put("status", "WITHDRAWN");
                            case "UsageReportSubmittedEvent" -> {
                                g.put("status", "USAGE_REPORTED");
                                g.put("spent", cents(e.path("amountSpent")));
                            }
                            case "GrantClosedEvent" -> {
                                g.put("status", "CLOSED");
                                g.put("reclaimed", cents(e.path("repaymentDemanded")));
                            }
                            case "TrancheDisbursedEvent" -> g.put("disbursed", (Long) g.get("disbursed") + cents(e.path("amount")));
                            case "RepaymentReceivedEvent" -> g.put("repaid", (Long) g.get("repaid") + cents(e.path("amount")));
                            default -> {
                            }
                        }
                    }
                }
            }
        }, upTo);
        volunteers.values().forEach(v -> {
            Map<String, Long> c = byCentre.computeIfAbsent(v[0], k -> new HashMap<>());
            LocalDate registered = LocalDate.parse(v[1]);
            boolean stillActive = v[2].equals("ACTIVE");
            LocalDate until = stillActive ? LocalDate.MAX : LocalDate.parse(v[2].substring("INACTIVE:".length()));
            if (registered.getYear() <= year && until.getYear() >= year) {
                c.merge("activeVolunteers", 1L, Long::sum);
            }
            if (registered.getYear() == year) {
                c.merge("newVolunteers", 1L, Long::sum);
            }
        });
        activities.forEach((id, a) -> {
            if (!withdrawn.contains(id) && LocalDate.parse(a.path("date").asText()).getYear() == year) {
                Map<String, Long> c = byCentre.computeIfAbsent(a.path("centreId").asText(), k -> new HashMap<>());
                c.merge("activities", 1L, Long::sum);
                c.merge("minutes", a.path("minutes").asLong(), Long::sum);
                c.merge("minutes." + a.path("category").asText(), a.path("minutes").asLong(), Long::sum);
            }
        });
        grants.values().forEach(g -> {
            Map<String, Long> c = byCentre.computeIfAbsent((String) g.get("centre"), k -> new HashMap<>());
            c.merge("grants." + g.get("status"), 1L, Long::sum);
            if (!"WITHDRAWN".equals(g.get("status"))) {
                c.merge("requested", (Long) g.get("requested"), Long::sum);
            }
            c.merge("spent", (Long) g.get("spent"), Long::sum);
            c.merge("reclaimed", (Long) g.get("reclaimed"), Long::sum);
            c.merge("approved", (Long) g.get("approved"), Long::sum);
            c.merge("disbursed", (Long) g.get("disbursed"), Long::sum);
            c.merge("repaid", (Long) g.get("repaid"), Long::sum);
        });
        return byCentre;
    }

    private static JsonNode read(byte[] payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long cents(JsonNode money) {
        String text = money.asText();
        try {
            return new java.math.BigDecimal(text).movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            throw new AssertionError("not an amount: " + text, e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
