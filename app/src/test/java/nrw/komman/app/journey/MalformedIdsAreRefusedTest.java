package nrw.komman.app.journey;

import nrw.komman.app.support.Api;
import nrw.komman.app.support.FormClient;
import nrw.komman.app.support.OnH2;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nrw.komman.app.support.Requests.activity;
import static nrw.komman.app.support.Requests.volunteer;
import static nrw.komman.app.support.Requests.with;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: an id that is not one (a grant's, a volunteer's, an activity's) is a 400 problem in the API and a German
 * field error on the form, and nothing is stored; before, the form logged the activity without the grant, silently.
 * "1-2-3-4-5" is among them: {@code UUID.fromString} would read it as another id.
 */
class MalformedIdsAreRefusedTest extends OnH2 {

    private static final List<String> MALFORMED = List.of("not-a-uuid", "1-2-3-4-5", "00000000-0000-0000-0000-00000000000g",
            "0000000-00000-0000-0000-000000000000");

    @LocalServerPort
    int port;

    private Api api;
    private String volunteerId;
    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));

    @BeforeEach
    void setUp() {
        api = new Api(port);
        TestAccounts.createAll(api);
        volunteerId = api.post("/api/centres/05315/volunteers", volunteer("Mira Sonntag", "mira." + UUID.randomUUID() + "@example.org"),
                KOELN).text("volunteerId");
    }

    private int activities() {
        return api.get("/api/volunteers/" + volunteerId + "/activities", KOELN).json().path("totalItems").asInt();
    }

    @Test
    void the_api_refuses_a_malformed_grant_id_when_logging_and_correcting_and_stores_nothing() {
        String activities = "/api/volunteers/" + volunteerId + "/activities";
        for (String bad : MALFORMED) {
            Api.Response logged = api.post(activities, with(activity(today, 60, "ACCOMPANIMENT"), "grantId", bad), KOELN);
            assertThat(logged.status()).as(bad).isEqualTo(400);
            assertThat(logged.json().path("errors").get(0).path("field").asText()).isEqualTo("grantId");
            assertThat(logged.text("detail")).as(bad).isNotBlank();
        }
        assertThat(activities()).isZero();

        String activityId = api.post(activities, activity(today, 60, "ACCOMPANIMENT"), KOELN).text("activityId");
        Map<String, Object> correction = new HashMap<>(activity(today, 90, "ACCOMPANIMENT"));
        correction.put("reason", "Dauer falsch erfasst");
        for (String bad : MALFORMED) {
            Api.Response corrected = api.post(activities + "/" + activityId + "/correction", with(correction, "grantId", bad), KOELN);
            assertThat(corrected.status()).as(bad).isEqualTo(400);
        }
        assertThat(api.get(activities + "/" + activityId, KOELN).json().path("minutes").asInt()).isEqualTo(60);
    }

    @Test
    void the_api_refuses_malformed_volunteer_and_activity_ids_in_addresses_and_filters() {
        for (String bad : List.of("not-a-uuid", "1-2-3-4-5")) {
            assertThat(api.get("/api/volunteers/" + bad, KOELN).status()).as(bad).isEqualTo(400);
            assertThat(api.post("/api/volunteers/" + bad + "/activities", activity(today, 60, "OTHER"), KOELN).status()).as(bad)
                    .isEqualTo(400);
            assertThat(api.get("/api/centres/05315/activities?volunteerId=" + bad, KOELN).status()).as(bad).isEqualTo(400);
            assertThat(api.get("/api/volunteers/" + volunteerId + "/activities/" + bad, KOELN).status()).as(bad).isEqualTo(400);
            assertThat(api.post("/api/volunteers/" + volunteerId + "/activities/" + bad + "/withdrawal",
                    Map.of("reason", "Doppelt erfasst"), KOELN).status()).as(bad).isEqualTo(400);
        }
        assertThat(activities()).isZero();
    }

    @Test
    void the_activity_form_names_a_malformed_grant_id_at_the_field_in_german_and_logs_nothing() {
        FormClient koeln = FormClient.signedIn(port, KOELN);
        String form = "/ehrenamtliche/" + volunteerId + "/einsaetze/neu";
        for (String bad : MALFORMED) {
            FormClient.Page answer = koeln.post(form, "/ehrenamtliche/" + volunteerId + "/einsaetze", fields(bad));
            assertThat(answer.status()).as(bad).isEqualTo(200);
            assertThat(answer.body()).as(bad)
                    .contains("id=\"grantId-fehler\"")
                    .contains("Das ist keine gültige Kennung einer Zuwendung");
        }
        // a well-formed id of no grant is not one of the choices: refused at the same field, with the other errors
        FormClient.Page unknown = koeln.post(form, "/ehrenamtliche/" + volunteerId + "/einsaetze", fields(UUID.randomUUID().toString()));
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.body()).contains("id=\"grantId-fehler\"").contains("Bitte wählen Sie eine der angebotenen Zuwendungen.");
        assertThat(activities()).isZero();

        // no grant at all is fine
        FormClient.Page none = koeln.post(form, "/ehrenamtliche/" + volunteerId + "/einsaetze", fields(""));
        assertThat(none.status()).isEqualTo(302);
        assertThat(activities()).isEqualTo(1);
    }

    @Test
    void the_correction_form_names_a_malformed_grant_id_at_the_field_and_changes_nothing() {
        String activityId = api.post("/api/volunteers/" + volunteerId + "/activities", activity(today, 60, "ACCOMPANIMENT"), KOELN)
                .text("activityId");
        FormClient koeln = FormClient.signedIn(port, KOELN);
        String page = "/ehrenamtliche/" + volunteerId + "/einsaetze/" + activityId + "/korrektur";
        Map<String, String> fields = new HashMap<>(fields("not-a-uuid"));
        fields.put("minutes", "90");
        fields.put("reason", "Dauer falsch erfasst");

        FormClient.Page answer = koeln.post(page, page, fields);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("id=\"grantId-fehler\"").contains("Das ist keine gültige Kennung einer Zuwendung");
        assertThat(api.get("/api/volunteers/" + volunteerId + "/activities/" + activityId, KOELN).json().path("minutes").asInt())
                .isEqualTo(60);
    }

    @Test
    void a_form_address_with_a_malformed_volunteer_or_activity_id_is_a_400_page() {
        FormClient koeln = FormClient.signedIn(port, KOELN);
        for (String bad : List.of("not-a-uuid", "1-2-3-4-5")) {
            assertThat(koeln.get("/ehrenamtliche/" + bad).status()).as(bad).isEqualTo(400);
            assertThat(koeln.get("/ehrenamtliche/" + bad + "/einsaetze/neu").status()).as(bad).isEqualTo(400);
            assertThat(koeln.get("/ehrenamtliche/" + volunteerId + "/einsaetze/" + bad + "/korrektur").status()).as(bad)
                    .isEqualTo(400);
        }
    }

    private Map<String, String> fields(String grantId) {
        return Map.of("date", today.toString(), "minutes", "60", "category", "ACCOMPANIMENT", "note", "", "grantId", grantId);
    }
}
