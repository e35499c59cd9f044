package nrw.komman.app.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import nrw.komman.app.support.Api;
import nrw.komman.app.support.Api.Response;
import nrw.komman.app.support.RawTables;
import nrw.komman.app.support.RawTables.Hit;
import nrw.komman.app.support.RawTables.Scan;
import nrw.komman.app.support.ReadModels;
import nrw.komman.app.support.TestAccounts;
import nrw.komman.kernel.volunteer.PersonalData;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import nrw.komman.kernel.volunteer.VolunteerId;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static nrw.komman.app.support.TestAccounts.ADMIN;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static nrw.komman.app.support.TestAccounts.KOELN_CENTRE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 21 end to end, once per database: the reasons of corrections and withdrawals and the consent's document are
 * sealed in the events and in the read models, the access export opens them, and the erasure leaves none of them,
 * also where an older release stored them in plain text: those rows are rewritten in place in the erasure's
 * transaction, the rewrite is recorded, and the rewritten events still load (aggregate and replay). Each test uses
 * texts with markers of its own; the store is read as raw bytes through SQL ({@link RawTables}).
 */
public interface SealedTextsScenarios {

    ZoneId NRW = ZoneId.of("Europe/Berlin");
    String REGISTERED = "nrw.komman.kernel.volunteer.VolunteerRegisteredEvent";
    String LOGGED = "nrw.komman.kernel.activity.ActivityLoggedEvent";
    String CORRECTED = "nrw.komman.kernel.activity.ActivityCorrectedEvent";
    String WITHDRAWN = "nrw.komman.kernel.activity.ActivityWithdrawnEvent";
    String META_DATA = "{\"actorCentre\":\"05315\",\"actorAccount\":\"koeln.koordination\",\"actorRole\":\"COORDINATOR\"}";

    Api api();

    JdbcTemplate jdbc();

    PersonalDataVault vault();

    @BeforeEach
    default void accounts() {
        TestAccounts.createAll(api());
    }

    @Test
    default void new_reasons_and_the_consent_document_are_sealed_everywhere_listed_in_the_export_and_gone_after_erasure() {
        String consent = marker("Einwilligung");
        String correction = marker("Korrektur");
        String withdrawal = marker("Ruecknahme");
        String id = register(consent);
        String corrected = log(id);
        String withdrawn = log(id);
        assertThat(api().post("/api/volunteers/" + id + "/activities/" + corrected + "/correction", Map.of("date",
                LocalDate.now(NRW).toString(), "minutes", 45, "category", "EDUCATION", "reason", correction), KOELN).status())
                .isEqualTo(204);
        assertThat(api().post("/api/volunteers/" + id + "/activities/" + withdrawn + "/withdrawal",
                Map.of("reason", withdrawal), KOELN).status()).isEqualTo(204);
        ReadModels.awaitCaughtUp(api());

        // neither the events nor the read models hold the texts in plain form
        Scan sealed = RawTables.scan(jdbc(), List.of(consent, correction, withdrawal));
        assertThat(sealed.tables()).contains("domain_event_entry", "volunteer_view", "activity_reason");
        assertThat(sealed.hits()).as("plain texts of a volunteer registered today").isEmpty();
        assertThat(jdbc().queryForList("select payload_revision from domain_event_entry where aggregate_identifier = ?"
                + " and payload_type in (?, ?, ?)", String.class, id, REGISTERED, CORRECTED, WITHDRAWN)).containsOnly("1");

        // the export (Art. 15) opens them with the vault
        JsonNode export = api().get("/api/volunteers/" + id + "/data-export", KOELN).json();
        assertThat(export.path("consents").get(0).path("document").asText()).isEqualTo(consent);
        assertThat(reasons(export, corrected)).containsExactly("CORRECTION:" + correction);
        assertThat(reasons(export, withdrawn)).containsExactly("WITHDRAWAL:" + withdrawal);
        assertThat(api().get("/api/volunteers/" + id, KOELN).json().path("consent").path("document").asText()).isEqualTo(consent);

        Response erased = api().post("/api/volunteers/" + id + "/erasure", Map.of("reason", "REQUEST"), KOELN);
        assertThat(erased.status()).as(erased.toString()).isEqualTo(204);
        ReadModels.awaitCaughtUp(api());

        JsonNode after = api().get("/api/volunteers/" + id + "/data-export", KOELN).json();
        assertThat(after.path("erased").asBoolean()).isTrue();
        assertThat(after.path("consents").get(0).path("document").isNull()).isTrue();
        assertThat(after.path("consents").get(0).path("version").asText()).isEqualTo("2024-01");
        assertThat(reasons(after, corrected)).containsExactly("CORRECTION:null");
        assertThat(reasons(after, withdrawn)).containsExactly("WITHDRAWAL:null");
        assertThat(jdbc().queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like ?",
                Long.class, id, "%LegacyTextsRedactedEvent")).as("nothing to redact in events sealed from the start").isZero();
    }

    @Test
    default void plain_texts_stored_by_an_older_release_are_redacted_in_place_on_erasure_and_the_events_still_load() {
        String consent = marker("Einwilligung");
        String correction = marker("Korrektur");
        String withdrawal = marker("Ruecknahme");
        VolunteerId volunteer = VolunteerId.random();
        String id = volunteer.toString();
        String activity = UUID.randomUUID().toString();
        String today = LocalDate.now(NRW).toString();
        // as an older release stored them: revision null, the texts in plain form
        List<String> legacy = new ArrayList<>();
        String sealedData = vault().seal(volunteer, new PersonalData("Legacy " + marker("Person"), marker("legacy").replace(" ", ".") + "@example.org", null, null, Set.of(), Set.of()))
                .ciphertext();
        legacy.add(insert(id, 0, REGISTERED, "{\"volunteerId\":\"" + id + "\",\"centreId\":\"05315\",\"personalData\":{\"ciphertext\":\""
                + sealedData + "\"},\"consent\":{\"document\":\"" + consent + "\",\"version\":\"2024-01\","
                + "\"givenAt\":\"2025-01-15T10:00:00Z\"},\"registeredOn\":\"2025-01-15\"}"));
        insert(id, 1, LOGGED, "{\"activityId\":\"" + activity + "\",\"volunteerId\":\"" + id + "\",\"centreId\":\"05315\",\"date\":\""
                + today + "\",\"minutes\":90,\"category\":\"ACCOMPANIMENT\",\"note\":null,\"grantId\":null}");
        legacy.add(insert(id, 2, CORRECTED, "{\"activityId\":\"" + activity + "\",\"volunteerId\":\"" + id + "\",\"centreId\":\"05315\","
                + "\"date\":\"" + today + "\",\"minutes\":120,\"category\":\"INTERPRETING\",\"note\":null,\"grantId\":null,"
                + "\"reason\":\"" + correction + "\"}"));
        legacy.add(insert(id, 3, WITHDRAWN, "{\"activityId\":\"" + activity + "\",\"volunteerId\":\"" + id + "\",\"centreId\":\"05315\","
                + "\"reason\":\"" + withdrawal + "\"}"));
        ReadModels.awaitCaughtUp(api());

        // they load through the upcasters: the export shows the legacy texts until the erasure
        JsonNode export = api().get("/api/volunteers/" + id + "/data-export", KOELN).json();
        assertThat(export.path("consents").get(0).path("document").asText()).isEqualTo(consent);
        assertThat(reasons(export, activity)).containsExactly("CORRECTION:" + correction, "WITHDRAWAL:" + withdrawal);
        Scan before = RawTables.scan(jdbc(), List.of(consent, correction, withdrawal));
        assertThat(before.hits()).extracting(Hit::table).as("the scanner finds the plain texts where they are")
                .contains("domain_event_entry", "volunteer_view", "activity_reason");

        Response erased = api().post("/api/volunteers/" + id + "/erasure", Map.of("reason", "REQUEST"), KOELN);
        assertThat(erased.status()).as(erased.toString()).isEqualTo(204);
        ReadModels.awaitCaughtUp(api());

        Scan after = RawTables.scan(jdbc(), List.of(consent, correction, withdrawal));
        assertThat(after.hits()).as("plain texts after the erasure").isEmpty();
        // rewritten in place: same rows, same revision, the text null; everything else as stored
        List<Map<String, Object>> rows = jdbc().queryForList("""
                select event_identifier, payload_revision, payload from domain_event_entry
                 where aggregate_identifier = ? and sequence_number <= 3 order by sequence_number""", id);
        assertThat(rows).hasSize(4).allSatisfy(row -> assertThat(row.get("payload_revision")).isNull());
        assertThat(utf8(rows.get(0).get("payload"))).contains("\"document\":null", sealedData, "\"version\":\"2024-01\"");
        assertThat(utf8(rows.get(2).get("payload"))).contains("\"reason\":null", "\"minutes\":120");
        assertThat(utf8(rows.get(3).get("payload"))).contains("\"reason\":null");
        // and recorded as a fact, before the erasure
        List<Map<String, Object>> facts = jdbc().queryForList("""
                select payload_type, payload from domain_event_entry where aggregate_identifier = ? and sequence_number > 3
                 order by sequence_number""", id);
        assertThat(facts).extracting(f -> String.valueOf(f.get("payload_type")).replaceAll(".*\\.", ""))
                .containsExactly("VolunteerDeactivatedEvent", "LegacyTextsRedactedEvent", "VolunteerDataErasedEvent");
        assertThat(utf8(facts.get(1).get("payload"))).contains(legacy.toArray(String[]::new));

        // the redacted events still load: the aggregate (a second erasure is refused, not a failure) and a replay
        assertThat(api().post("/api/volunteers/" + id + "/erasure", Map.of("reason", "REQUEST"), KOELN).status()).isEqualTo(409);
        Response rebuild = api().post("/api/admin/read-models/rebuild", Map.of(), ADMIN);
        assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(202);
        ReadModels.awaitCaughtUp(api());
        JsonNode replayed = api().get("/api/volunteers/" + id + "/data-export", KOELN).json();
        assertThat(replayed.path("erased").asBoolean()).isTrue();
        assertThat(replayed.path("activities").get(0).path("minutes").asInt()).isEqualTo(120);
        assertThat(replayed.path("activities").get(0).path("withdrawn").asBoolean()).isTrue();
        assertThat(reasons(replayed, activity)).containsExactly("CORRECTION:null", "WITHDRAWAL:null");
        assertThat(RawTables.scan(jdbc(), List.of(consent, correction, withdrawal)).hits()).as("after a rebuild").isEmpty();
    }

    private String insert(String aggregate, long sequence, String type, String payload) {
        String eventId = UUID.randomUUID().toString();
        jdbc().update("""
                insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                                payload_type, payload_revision, payload, meta_data)
                values (?, ?, ?, 'Volunteer', ?, ?, null, ?, ?)""", eventId, aggregate, sequence,
                DateTimeUtils.formatInstant(Instant.now()), type, payload.getBytes(StandardCharsets.UTF_8),
                META_DATA.getBytes(StandardCharsets.UTF_8));
        return eventId;
    }

    private String register(String consentDocument) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Sealed " + marker("Name"));
        body.put("email", marker("mail").replace(" ", ".") + "@example.org");
        body.put("languages", List.of("de"));
        body.put("interests", List.of("ACCOMPANIMENT"));
        body.put("consent", Map.of("document", consentDocument, "version", "2024-01", "givenAt", "2025-01-15T10:00:00Z"));
        body.put("registeredOn", "2025-01-15");
        Response registered = api().post("/api/centres/" + KOELN_CENTRE + "/volunteers", body, KOELN);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return registered.text("volunteerId");
    }

    private String log(String volunteerId) {
        Response logged = api().post("/api/volunteers/" + volunteerId + "/activities", Map.of("date", LocalDate.now(NRW).toString(),
                "minutes", 60, "category", "ACCOMPANIMENT"), KOELN);
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        return logged.text("activityId");
    }

    /** The changes of one activity in the export, as "KIND:reason". */
    private static List<String> reasons(JsonNode export, String activityId) {
        for (JsonNode activity : export.path("activities")) {
            if (activity.path("activityId").asText().equals(activityId)) {
                List<String> changes = new ArrayList<>();
                activity.path("changes").forEach(c -> changes.add(c.path("kind").asText() + ":"
                        + (c.path("reason").isNull() ? "null" : c.path("reason").asText())));
                return changes;
            }
        }
        throw new AssertionError("no activity " + activityId + " in " + export);
    }

    /** A text no other test writes: a word and random letters. */
    private static String marker(String word) {
        SecureRandom random = new SecureRandom();
        StringBuilder marker = new StringBuilder(word).append(' ');
        for (int i = 0; i < 12; i++) {
            marker.append((char) ('a' + random.nextInt(26)));
        }
        return marker.toString();
    }

    private static String utf8(Object bytes) {
        return new String((byte[]) bytes, StandardCharsets.UTF_8);
    }
}
