package nrw.komman.app.journey;

import com.fasterxml.jackson.databind.JsonNode;
import nrw.komman.query.readmodel.rebuild.ReadModelRebuilds;
import nrw.komman.app.support.Api;
import nrw.komman.app.support.Budgets;
import nrw.komman.app.support.ReadModels;
import nrw.komman.app.support.Api.Response;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static nrw.komman.app.support.Requests.activity;
import static nrw.komman.app.support.Requests.grant;
import static nrw.komman.app.support.Requests.volunteer;
import static nrw.komman.app.support.TestAccounts.ADMIN;
import static nrw.komman.app.support.TestAccounts.DUESSELDORF;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static nrw.komman.app.support.TestAccounts.MINISTRY;
import static nrw.komman.app.support.TestAccounts.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator rebuilds every read model by replaying all events into a new generation of its
 * tables: the tables afterwards hold exactly the rows they held before, row for row; while the
 * rebuild runs, the current tables keep answering and commands keep arriving, and nothing is lost.
 */
public interface RebuildGivesTheSameReadModels {

    List<String> READ_MODEL_TABLES = List.of("centre_view", "volunteer_view", "activity_view", "volunteer_year_stats",
            "centre_activity_stats", "activity_reason", "grant_centre", "grant_view", "grant_history", "budget_view",
            // coordination (issue 18)
            "help_request_view", "help_request_status", "assignment_view", "assignment_day", "volunteer_booking",
            "volunteer_availability", "volunteer_link", "certificate_view",
            // the dates that matter (issue 19)
            "grant_tranche", "programme_dates_view");

    Api api();

    JdbcTemplate jdbc();

    ConfigurableApplicationContext context();

    @Test
    default void a_rebuild_after_a_realistic_history_gives_identical_read_models() {
        TestAccounts.createAll(api());
        recordARealisticHistory();
        // a write answers once its read models show it, or after a timeout on a slow machine: the
        // picture to compare with is the one of read models that have seen every event
        ReadModels.awaitCaughtUp(api());
        Map<String, List<String>> before = dump();

        Response rebuild = api().post("/api/admin/read-models/rebuild", Map.of(), ADMIN);
        assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(202);
        ReadModels.awaitCaughtUp(api());

        Map<String, List<String>> after = dump();
        for (String table : READ_MODEL_TABLES) {
            assertThat(after.get(table)).as("rows of %s after the rebuild; only before: %s; only after: %s", table,
                            only(before.get(table), after.get(table)), only(after.get(table), before.get(table)))
                    .isEqualTo(before.get(table));
        }
    }

    @Test
    default void a_rebuild_while_commands_keep_arriving_loses_nothing_and_the_current_tables_keep_answering() throws Exception {
        TestAccounts.createAll(api());
        recordARealisticHistory();
        ReadModels.awaitCaughtUp(api());
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        String volunteer = api().post("/api/centres/05315/volunteers",
                volunteer("Während des Neuaufbaus", "neuaufbau." + UUID.randomUUID() + "@example.org"), KOELN).text("volunteerId");
        int volunteersBefore = api().get("/api/centres/05315/volunteers", KOELN).json().path("totalItems").asInt();
        assertThat(volunteersBefore).isPositive();

        // at the switch of each processor: wait for the load to end and the live tables to catch up, then keep
        // their rows (what a platform that never rebuilt holds) and compare the new generation's structure
        ReadModelRebuilds rebuilds = context().getBean(ReadModelRebuilds.class);
        CountDownLatch loadDone = new CountDownLatch(1);
        Map<String, List<String>> reference = new ConcurrentHashMap<>();
        Map<String, Integer> generations = new ConcurrentHashMap<>();
        List<String> listenerFailures = new CopyOnWriteArrayList<>();
        ApplicationListener<PayloadApplicationEvent<ReadModelRebuilds.Switching>> atSwitch = event -> {
            ReadModelRebuilds.Switching switching = event.getPayload();
            try {
                assertThat(loadDone.await(120, TimeUnit.SECONDS)).as("the load ends").isTrue();
                ReadModels.awaitLiveCaughtUp(api());
                for (String table : rebuilds.tablesOf(switching.processingGroup())) {
                    reference.put(table, rows(table));
                    assertThat(columns(table + "_g" + switching.generation())).as("structure of the new generation of %s", table)
                            .isEqualTo(columns(table));
                }
                generations.put(switching.processingGroup(), switching.generation());
            } catch (Throwable e) {
                listenerFailures.add(switching + ": " + e);
            }
        };
        ApplicationEventMulticaster multicaster = context().getBean(ApplicationEventMulticaster.class);
        multicaster.addApplicationListener(atSwitch);
        try {
            Response rebuild = api().post("/api/admin/read-models/rebuild", Map.of(), ADMIN);
            assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(202);
            Response again = api().post("/api/admin/read-models/rebuild", Map.of(), ADMIN);
            assertThat(again.status()).as("a second rebuild while one runs: %s", again).isEqualTo(409);

            // commands and queries from four clients while the new generation is built
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<List<String>>> answers = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                int client = c;
                answers.add(clients.submit(() -> {
                    List<String> problems = new ArrayList<>();
                    for (int i = 0; i < 15; i++) {
                        Response logged = api().post("/api/volunteers/" + volunteer + "/activities",
                                activity(today.minusDays(i), 15 + client, "EDUCATION"), KOELN);
                        Response registered = api().post("/api/centres/05111/volunteers",
                                volunteer("Neu " + client + "-" + i, "neu." + UUID.randomUUID() + "@example.org"), DUESSELDORF);
                        Response list = api().get("/api/centres/05315/volunteers", KOELN);
                        if (logged.status() != 201 || registered.status() != 201 || list.status() != 200) {
                            problems.add(logged.status() + "/" + registered.status() + "/" + list.status());
                        } else if (list.json().path("totalItems").asInt() < volunteersBefore) {
                            problems.add("the current tables answered with fewer volunteers: " + list.json().path("totalItems"));
                        }
                    }
                    return problems;
                }));
            }
            clients.shutdown();
            for (Future<List<String>> answer : answers) {
                assertThat(answer.get(120, TimeUnit.SECONDS)).as("answers during the rebuild").isEmpty();
            }
            loadDone.countDown();
            ReadModels.awaitCaughtUp(api());
        } finally {
            loadDone.countDown();
            multicaster.removeApplicationListener(atSwitch);
        }

        assertThat(listenerFailures).isEmpty();
        assertThat(generations).as("switched processors").containsOnlyKeys("centre-views", "grant-views");
        JsonNode status = api().get("/api/admin/read-models", ADMIN).json();
        for (JsonNode processor : status) {
            assertThat(processor.path("rebuild").path("state").asText()).isEqualTo("SWITCHED");
            assertThat(processor.path("rebuild").path("generation").asInt())
                    .isEqualTo(generations.get(processor.path("processor").asText()));
        }
        for (String group : generations.keySet()) {
            for (String table : rebuilds.tablesOf(group)) {
                assertThat(columns(table + "_g" + generations.get(group))).as("the new generation of %s took its name", table).isEmpty();
            }
        }
        for (Map.Entry<String, List<String>> table : reference.entrySet()) {
            List<String> after = rows(table.getKey());
            assertThat(after).as("rows of %s after the rebuild; only before: %s; only after: %s", table.getKey(),
                    only(table.getValue(), after), only(after, table.getValue())).isEqualTo(table.getValue());
        }
        assertThat(api().get("/api/centres/05315/activities?volunteerId=" + volunteer, KOELN).json().path("totalItems").asInt())
                .as("every activity logged during the rebuild").isEqualTo(60);
        // the live processor carries on in the new tables
        api().post("/api/volunteers/" + volunteer + "/activities", activity(today, 45, "CHILDCARE"), KOELN);
        assertThat(api().get("/api/centres/05315/activities?volunteerId=" + volunteer, KOELN).json().path("totalItems").asInt())
                .isEqualTo(61);
    }

    private List<String> rows(String table) {
        return jdbc().queryForList("select * from " + table).stream().map(row -> new TreeMap<>(row).toString()).sorted().toList();
    }

    private List<String> columns(String table) {
        return jdbc().queryForList("""
                        select column_name, data_type, is_nullable, character_maximum_length from information_schema.columns
                         where table_name = ? and table_schema = current_schema order by ordinal_position""", table).stream()
                .map(row -> new TreeMap<>(row).toString()).toList();
    }

    private static List<String> only(List<String> these, List<String> notThose) {
        return these.stream().filter(row -> !notThose.contains(row)).toList();
    }

    private void recordARealisticHistory() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        String[] categories = {"LANGUAGE_SUPPORT", "ACCOMPANIMENT", "EDUCATION", "INTERPRETING", "CHILDCARE"};
        List<String> koeln = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            var coordinator = i % 2 == 0 ? KOELN : DUESSELDORF;
            String centre = i % 2 == 0 ? "05315" : "05111";
            String v = api().post("/api/centres/" + centre + "/volunteers",
                    volunteer("Person " + i, "p" + i + "." + UUID.randomUUID() + "@example.org"), coordinator).text("volunteerId");
            if (centre.equals("05315")) {
                koeln.add(v);
            }
            String firstActivity = null;
            for (int a = 0; a < 4; a++) {
                String id = api().post("/api/volunteers/" + v + "/activities",
                        activity(today.minusDays(a * 40L), 30 + a * 15, categories[(i + a) % categories.length]), coordinator).text("activityId");
                firstActivity = firstActivity == null ? id : firstActivity;
            }
            Map<String, Object> correction = activity(today.minusDays(1), 200, "HOUSING_SEARCH");
            correction.put("reason", "Kategorie korrigiert");
            api().post("/api/volunteers/" + v + "/activities/" + firstActivity + "/correction", correction, coordinator);
            if (i == 3) {
                api().post("/api/volunteers/" + v + "/deactivation", Map.of(), coordinator);
            }
        }
        // coordination: a request for one, two asked, one declines, one confirms; availability, a link, a certificate
        String request = api().post("/api/centres/05315/help-requests", nrw.komman.app.support.HelpRequests.once(
                nrw.komman.app.support.HelpRequests.next(java.time.DayOfWeek.TUESDAY, today), java.time.LocalTime.of(9, 0),
                java.time.LocalTime.of(11, 0), 90, List.of("de"), 1), KOELN).text("requestId");
        String asked = "/api/help-requests/" + request + "/assignments";
        String declining = api().post(asked, Map.of("volunteerId", koeln.get(0)), KOELN).text("assignmentId");
        String confirming = api().post(asked, Map.of("volunteerId", koeln.get(1)), KOELN).text("assignmentId");
        api().post(asked + "/" + declining + "/declination", Map.of("reason", "keine Zeit"), KOELN);
        api().post(asked + "/" + confirming + "/confirmation", Map.of(), KOELN);
        assertThat(api().get("/api/help-requests/" + request, KOELN).json().path("summary").path("status").asText())
                .as("the coordination was recorded").isEqualTo("STAFFED");
        api().put("/api/volunteers/" + koeln.get(0) + "/availability",
                nrw.komman.app.support.HelpRequests.availability("TUESDAY:MORNING", "FRIDAY:EVENING"), KOELN);
        api().post("/api/volunteers/" + koeln.get(2) + "/link", Map.of(), KOELN);
        api().post("/api/volunteers/" + koeln.get(2) + "/certificates", Map.of(), KOELN);
        Budgets.ensure(api(), today.getYear(), "PART_II_A");
        for (int g = 0; g < 3; g++) {
            String grantId = api().post("/api/grants", grant(today.getYear(), (10_000 + g * 1000) + ".00"), KOELN).text("grantId");
            api().post("/api/grants/" + grantId + "/review", Map.of("recommendation", "APPROVE", "note", "geprüft"), OFFICER);
            if (g == 0) {
                api().post("/api/grants/" + grantId + "/approval", Map.of("approvedAmount", "9000.00"), MINISTRY);
                // the whole life after the approval, so the rebuild covers every grant fact
                String grant = "/api/grants/" + grantId;
                api().post(grant + "/fund-requests", Map.of("amount", "4000.00", "purpose", "Honorare"), KOELN);
                api().post(grant + "/disbursements", Map.of("amount", "4000.00", "disbursedOn", today.toString()), OFFICER);
                api().post(grant + "/amendments", Map.of("approvedAmount", "8000.00", "reason", "Kürzung"), MINISTRY);
                api().post(grant + "/usage-report", Map.of("amountSpent", "3500.00", "report", "Bericht", "volunteersReached", 7), KOELN);
                api().post(grant + "/closure", Map.of("checkNote", "Minderausgaben"), OFFICER);
                api().post(grant + "/repayments", Map.of("amount", "200.00", "receivedOn", today.toString()), OFFICER);
                assertThat(api().get(grant, KOELN).json().path("repaidAmount").asText()).as("the life was recorded").isEqualTo("200.00");
            } else if (g == 1) {
                api().post("/api/grants/" + grantId + "/rejection", Map.of("reason", "nicht förderfähig"), MINISTRY);
            }
        }
    }

    private Map<String, List<String>> dump() {
        Map<String, List<String>> tables = new TreeMap<>();
        for (String table : READ_MODEL_TABLES) {
            tables.put(table, rows(table));
        }
        assertThat(tables.get("volunteer_view")).isNotEmpty();
        return tables;
    }
}
