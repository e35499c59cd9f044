package nrw.komman.app.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import nrw.komman.app.support.Api;
import nrw.komman.app.support.Api.Response;
import nrw.komman.app.support.RawTables;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static nrw.komman.app.support.TestAccounts.KOELN;
import static nrw.komman.app.support.TestAccounts.KOELN_CENTRE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 22 end to end, once per database: the read models hold a volunteer's personal data and notes only as
 * ciphertext, so neither the tables' text nor the bytes of the database files (H2's file copied while the
 * application runs; PostgreSQL's table files and WAL after a checkpoint) hold the volunteer's markers, while the
 * queries answer the plain values; after erasure the queries answer nothing personal.
 */
public interface ReadModelsHoldCiphertextScenarios {

    Api api();

    JdbcTemplate jdbc();

    /** The bytes of the database as they are on disk now: copies of the files, or the files themselves. */
    List<byte[]> databaseFiles() throws IOException;

    @BeforeEach
    default void accounts() {
        TestAccounts.createAll(api());
    }

    @Test
    default void no_table_and_no_database_file_holds_the_volunteers_data_in_plain_text_while_the_queries_answer_it()
            throws IOException {
        Markers m = Markers.unique();
        String id = register(m);
        logActivity(id, m);

        // the queries answer the plain values: one volunteer, the roster's search, the activity log, the export
        JsonNode shown = api().get("/api/volunteers/" + id, KOELN).json();
        assertThat(shown.path("name").asText()).isEqualTo(m.name());
        assertThat(shown.path("email").asText()).isEqualTo(m.email());
        assertThat(shown.path("phone").asText()).isEqualTo(m.phone());
        assertThat(shown.path("availability").asText()).isEqualTo(m.availability());
        JsonNode roster = api().get("/api/centres/" + KOELN_CENTRE + "/volunteers?search=" + m.nameToken(), KOELN).json();
        assertThat(roster.path("totalItems").asLong()).isEqualTo(1);
        assertThat(roster.path("items").get(0).path("email").asText()).isEqualTo(m.email());
        JsonNode log = api().get("/api/centres/" + KOELN_CENTRE + "/activities?volunteerId=" + id, KOELN).json();
        assertThat(log.path("items").get(0).path("note").asText()).isEqualTo(m.note());
        assertThat(log.path("items").get(0).path("volunteerName").asText()).isEqualTo(m.name());
        assertThat(api().get("/api/volunteers/" + id + "/data-export", KOELN).body())
                .contains(m.name(), m.email(), m.phone(), m.availability(), m.note());

        // ... but no table holds them in plain text, read through SQL ...
        assertThat(RawTables.scan(jdbc(), List.of(id)).hits()).as("the scanner sees the roster's rows")
                .extracting(RawTables.Hit::table).contains("volunteer_view", "activity_view");
        assertThat(RawTables.scan(jdbc(), m.all()).hits()).as("plain personal data in a table").isEmpty();
        // ... nor any byte of the database files
        assertNotInFiles(m, id);

        Response erased = api().post("/api/volunteers/" + id + "/erasure", Map.of("reason", "REQUEST"), KOELN);
        assertThat(erased.status()).as(erased.toString()).isEqualTo(204);

        // after erasure the queries answer nothing personal
        JsonNode after = api().get("/api/volunteers/" + id, KOELN).json();
        assertThat(after.path("erased").asBoolean()).isTrue();
        for (String field : List.of("name", "email", "phone", "availability")) {
            assertThat(after.path(field).isNull()).as(field).isTrue();
        }
        assertThat(after.path("languages")).isEmpty();
        assertThat(api().get("/api/centres/" + KOELN_CENTRE + "/volunteers?search=" + m.nameToken(), KOELN).json()
                .path("totalItems").asLong()).isZero();
        assertThat(api().get("/api/centres/" + KOELN_CENTRE + "/volunteers?language=sw", KOELN).json()
                .path("items").findValuesAsText("volunteerId")).doesNotContain(id);
        Response logAfter = api().get("/api/centres/" + KOELN_CENTRE + "/activities?volunteerId=" + id, KOELN);
        assertThat(logAfter.json().path("totalItems").asLong()).isEqualTo(1);
        Response export = api().get("/api/volunteers/" + id + "/data-export", KOELN);
        for (String marker : m.all()) {
            assertThat(logAfter.body()).doesNotContainIgnoringCase(marker);
            assertThat(export.body()).doesNotContainIgnoringCase(marker);
        }
        assertThat(RawTables.scan(jdbc(), m.all()).hits()).isEmpty();
        assertNotInFiles(m, id);
    }

    private void assertNotInFiles(Markers m, String id) throws IOException {
        List<byte[]> files = databaseFiles();
        assertThat(files).isNotEmpty();
        assertThat(files).as("the files hold the roster's rows (the volunteer's id)")
                .anyMatch(bytes -> RawTables.containsBytes(bytes, id));
        List<String> found = new ArrayList<>();
        for (byte[] bytes : files) {
            for (String marker : m.all()) {
                if (RawTables.containsBytes(bytes, marker)) {
                    found.add(marker);
                }
            }
        }
        assertThat(found).as("markers in the bytes of the database files").isEmpty();
    }

    private String register(Markers m) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", m.name());
        body.put("email", m.email());
        body.put("phone", m.phone());
        body.put("availability", m.availability());
        body.put("languages", List.of("sw", "de"));
        body.put("interests", List.of("LANGUAGE_SUPPORT"));
        body.put("consent", Map.of("document", "Einwilligung Datenverarbeitung Ehrenamtskoordination",
                "version", "2024-01", "givenAt", "2025-01-15T10:00:00Z"));
        body.put("registeredOn", "2025-01-15");
        Response registered = api().post("/api/centres/" + KOELN_CENTRE + "/volunteers", body, KOELN);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return registered.text("volunteerId");
    }

    private void logActivity(String volunteerId, Markers m) {
        Map<String, Object> body = new HashMap<>();
        body.put("date", LocalDate.now(ZoneId.of("Europe/Berlin")).toString());
        body.put("minutes", 45);
        body.put("category", "LANGUAGE_SUPPORT");
        body.put("note", m.note());
        Response logged = api().post("/api/volunteers/" + volunteerId + "/activities", body, KOELN);
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
    }

    /** Words nobody else uses, in ASCII, so that they are found in any encoding of the files' pages. */
    record Markers(String nameToken, String name, String email, String phone, String availability, String note) {

        private static final SecureRandom RANDOM = new SecureRandom();

        static Markers unique() {
            String name = word();
            String digits = String.format("%08d", RANDOM.nextInt(100_000_000));
            return new Markers(name, "Ragna " + name, word() + "@example.org", "+49 221 " + digits,
                    "abends " + word(), "Notiz " + word());
        }

        private static String word() {
            StringBuilder word = new StringBuilder("qx");
            for (int i = 0; i < 10; i++) {
                word.append((char) ('a' + RANDOM.nextInt(26)));
            }
            return word.toString();
        }

        /** Each marker, and the random words alone. */
        List<String> all() {
            return List.of(name, nameToken, email, email.substring(0, email.indexOf('@')), phone, phone.substring(8),
                    availability, availability.substring(7), note, note.substring(6));
        }
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
