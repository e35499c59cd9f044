package nrw.komman.app.journey;

import nrw.komman.app.support.Api;
import nrw.komman.app.support.Budgets;
import nrw.komman.app.support.ReadModels;
import nrw.komman.app.support.Api.Response;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

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
 * An administrator rebuilds every read model by replaying all events: the tables afterwards hold
 * exactly the rows they held before, row for row.
 */
public interface RebuildGivesTheSameReadModels {

    List<String> READ_MODEL_TABLES = List.of("centre_view", "volunteer_view", "volunteer_language", "volunteer_interest",
            "activity_view", "volunteer_year_stats", "centre_activity_stats", "grant_centre", "grant_view", "grant_history", "budget_view");

    Api api();

    JdbcTemplate jdbc();

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

    private static List<String> only(List<String> these, List<String> notThose) {
        return these.stream().filter(row -> !notThose.contains(row)).toList();
    }

    private void recordARealisticHistory() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        String[] categories = {"LANGUAGE_SUPPORT", "ACCOMPANIMENT", "EDUCATION", "INTERPRETING", "CHILDCARE"};
        for (int i = 0; i < 6; i++) {
            var coordinator = i % 2 == 0 ? KOELN : DUESSELDORF;
            String centre = i % 2 == 0 ? "05315" : "05111";
            String v = api().post("/api/centres/" + centre + "/volunteers",
                    volunteer("Person " + i, "p" + i + "." + UUID.randomUUID() + "@example.org"), coordinator).text("volunteerId");
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
            tables.put(table, jdbc().queryForList("select * from " + table).stream()
                    .map(row -> new TreeMap<>(row).toString()).sorted().toList());
        }
        assertThat(tables.get("volunteer_view")).isNotEmpty();
        return tables;
    }
}
