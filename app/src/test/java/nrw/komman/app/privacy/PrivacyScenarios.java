package nrw.komman.app.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import nrw.komman.app.support.Api;
import nrw.komman.app.support.Api.Download;
import nrw.komman.app.support.Api.Login;
import nrw.komman.app.support.Api.Response;
import nrw.komman.app.support.RawTables;
import nrw.komman.app.support.RawTables.Hit;
import nrw.komman.app.support.RawTables.Scan;
import nrw.komman.app.support.ShiftableClock;
import nrw.komman.app.support.ReadModels;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static nrw.komman.app.support.TestAccounts.ADMIN;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static nrw.komman.app.support.TestAccounts.KOELN_CENTRE;
import static nrw.komman.app.support.TestAccounts.MINISTRY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8 end to end, over real HTTP against the running application and its real database, once per database:
 * erasure by crypto-shredding leaves no trace of the volunteer's name, e-mail or phone in any table (read as raw
 * bytes through SQL) nor in any export; a rebuild of the read models brings nothing back and changes no figure;
 * another volunteer stays readable; withdrawing consent erases; the retention rules list and erase exactly the
 * volunteers inactive long enough and record the run. Every test uses people of its own (unique name, e-mail and
 * phone), since the tests of a class share one database.
 */
public interface PrivacyScenarios {

    ZoneId NRW = ZoneId.of("Europe/Berlin");
    DateTimeFormatter GERMAN_TIMESTAMP = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss", Locale.GERMANY).withZone(NRW);

    Api api();

    JdbcTemplate jdbc();

    ShiftableClock clock();

    @BeforeEach
    default void accounts() {
        TestAccounts.createAll(api());
    }

    // ---- a. erasure leaves no trace ------------------------------------------------------------------------

    @Test
    default void after_erasure_no_table_and_no_export_holds_the_volunteers_name_email_or_phone() throws IOException {
        Person amina = Person.unique("Amina");
        String id = register(amina, KOELN_CENTRE, KOELN);
        logActivities(id, amina, KOELN);

        // the scanner finds what is there (the id in the roster); the personal data is in no table in plain text, not
        // even before erasure: events, snapshots and tokens hold it sealed from the first event on, the read models too (ADR 22)
        assertThat(RawTables.scan(jdbc(), List.of(id)).hits()).extracting(Hit::table).contains("volunteer_view", "activity_view");
        Scan before = RawTables.scan(jdbc(), amina.needles());
        assertThat(before.hits()).as("plain personal data before erasure").isEmpty();
        assertThat(api().get("/api/volunteers/" + id + "/data-export", KOELN).body()).contains(amina.name(), amina.emailLowerCase(),
                amina.phone());
        assertThat(pdfText(api().download("/api/volunteers/" + id + "/data-export.pdf", KOELN).body()))
                .contains(amina.name(), amina.emailLowerCase(), amina.phone());

        Response erased = api().post("/api/volunteers/" + id + "/erasure", Map.of("reason", "REQUEST"), KOELN);
        assertThat(erased.status()).as(erased.toString()).isEqualTo(204);

        Scan after = RawTables.scan(jdbc(), amina.needles());
        report("after erasure", after);
        assertThat(after.tables()).contains("domain_event_entry", "snapshot_event_entry", "token_entry", "personal_data_key",
                "volunteer_view", "activity_view");
        assertThat(after.hits()).as("traces of %s after erasure", amina).isEmpty();

        // the events hold ciphertext only, the key is gone, the read models dropped the data
        List<Map<String, Object>> events = jdbc().queryForList(
                "select payload_type, payload from domain_event_entry where aggregate_identifier = ? order by sequence_number", id);
        assertThat(events).extracting(e -> simpleName(e.get("payload_type")))
                .startsWith("VolunteerRegisteredEvent").contains("ActivityLoggedEvent", "VolunteerDataErasedEvent");
        assertThat(new String((byte[]) events.get(0).get("payload"), StandardCharsets.UTF_8)).contains("\"ciphertext\"");
        Map<String, Object> key = jdbc().queryForMap(
                "select wrapped_key, destroyed_at from personal_data_key where volunteer_id = ?", id);
        assertThat(key.get("wrapped_key")).as("the volunteer's key").isNull();
        assertThat(key.get("destroyed_at")).isNotNull();
        Map<String, Object> row = jdbc().queryForMap(
                "select sealed_personal_data, erased from volunteer_view where volunteer_id = ?", id);
        assertThat(row.get("sealed_personal_data")).isNull();
        assertThat(row.get("erased")).isEqualTo(true);
        assertThat(jdbc().queryForList("select sealed_note from activity_view where volunteer_id = ?", String.class, id))
                .hasSize(2).containsOnlyNulls();

        // every later read and export shows the volunteer as erased, with the activities under the pseudonym
        JsonNode shown = api().get("/api/volunteers/" + id, KOELN).json();
        assertThat(shown.path("erased").asBoolean()).isTrue();
        assertThat(shown.path("name").isNull()).isTrue();
        Response export = api().get("/api/volunteers/" + id + "/data-export", KOELN);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.json().path("erased").asBoolean()).isTrue();
        assertThat(export.json().path("activities")).hasSize(2);
        assertNoTrace("the JSON export", export.body().getBytes(StandardCharsets.UTF_8), amina);
        Download pdf = api().download("/api/volunteers/" + id + "/data-export.pdf", ADMIN);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertNoTrace("the PDF export (raw bytes)", pdf.body(), amina);
        String text = pdfText(pdf.body());
        assertThat(text).contains("gelöscht", id);
        assertNoTrace("the PDF export (text)", text.getBytes(StandardCharsets.UTF_8), amina);
        Response log = api().get("/api/centres/" + KOELN_CENTRE + "/activities?volunteerId=" + id, KOELN);
        assertThat(log.json().path("totalItems").asLong()).isEqualTo(2);
        assertNoTrace("the activity log", log.body().getBytes(StandardCharsets.UTF_8), amina);

        Response again = api().post("/api/volunteers/" + id + "/erasure", Map.of("reason", "REQUEST"), KOELN);
        assertThat(again.status()).as("erasing twice").isEqualTo(409);
    }

    // ---- b. a rebuild brings nothing back, the figures stay -----------------------------------------------------

    @Test
    default void a_rebuild_after_erasure_brings_nothing_back_and_the_ministry_figures_stay_the_same() {
        Person farid = Person.unique("Farid");
        String id = register(farid, KOELN_CENTRE, KOELN);
        logActivities(id, farid, KOELN);
        // inactive first: the erasure of an active person ends the activity too, and that would change the count of
        // active volunteers; here only the erasure is compared
        assertThat(api().post("/api/volunteers/" + id + "/deactivation", Map.of(), KOELN).status()).isEqualTo(204);
        int year = LocalDate.now(NRW).getYear();
        JsonNode before = overview(year);
        assertThat(before.path("state").path("minutes").asLong()).isGreaterThanOrEqualTo(150);
        // the as-of report, replayed from the events: now, and as of this moment (compared byte for byte later)
        JsonNode reportBefore = annualReport("fundingYear=" + year);
        String asOfBefore = "fundingYear=" + year + "&cutOff=" + reportBefore.path("cutOff").asText();

        Response erased = api().post("/api/volunteers/" + id + "/erasure", Map.of("reason", "REQUEST"), ADMIN);
        assertThat(erased.status()).as("an administrator erases: " + erased).isEqualTo(204);
        assertThat(overview(year)).as("the ministry's figures after the erasure").isEqualTo(before);
        assertSameFigures(annualReport("fundingYear=" + year), reportBefore, "the annual report after the erasure");
        assertThat(annualReport(asOfBefore)).as("the report as of before the erasure, unchanged").isEqualTo(reportBefore);

        rebuildReadModels();

        assertThat(overview(year)).as("the ministry's figures after the rebuild").isEqualTo(before);
        assertSameFigures(annualReport("fundingYear=" + year), reportBefore, "the annual report after the rebuild");
        assertThat(api().get("/api/reports/annual?" + asOfBefore, KOELN).body()).doesNotContain(farid.name());
        assertThat(api().get("/api/volunteers/" + id, KOELN).json().path("erased").asBoolean()).isTrue();
        JsonNode export = api().get("/api/volunteers/" + id + "/data-export", KOELN).json();
        assertThat(export.path("erased").asBoolean()).isTrue();
        assertThat(export.path("name").isNull()).isTrue();
        assertThat(export.path("activities")).hasSize(2);
        assertThat(export.path("activities").get(0).path("note").isNull()).isTrue();
        Scan scan = RawTables.scan(jdbc(), farid.needles());
        report("after erasure and rebuild", scan);
        assertThat(scan.hits()).as("traces of %s after a rebuild", farid).isEmpty();
    }

    // ---- c. the others stay readable -------------------------------------------------------------------------------

    @Test
    default void erasing_one_volunteer_leaves_another_of_the_same_centre_fully_readable_also_after_a_rebuild() {
        Person erasedOne = Person.unique("Lena");
        Person kept = Person.unique("Yusuf");
        String erasedId = register(erasedOne, KOELN_CENTRE, KOELN);
        String keptId = register(kept, KOELN_CENTRE, KOELN);
        logActivities(erasedId, erasedOne, KOELN);
        logActivities(keptId, kept, KOELN);

        assertThat(api().post("/api/volunteers/" + erasedId + "/erasure", Map.of("reason", "REQUEST"), KOELN).status())
                .isEqualTo(204);
        assertReadable(keptId, kept);
        assertThat(RawTables.scan(jdbc(), erasedOne.needles()).hits()).isEmpty();

        rebuildReadModels();

        assertReadable(keptId, kept);
        assertThat(api().get("/api/volunteers/" + erasedId, KOELN).json().path("erased").asBoolean()).isTrue();
        assertThat(RawTables.scan(jdbc(), erasedOne.needles()).hits()).as("traces of the erased one after the rebuild").isEmpty();
        assertThat(RawTables.scan(jdbc(), kept.needles()).hits()).as("the kept one is sealed in every table (ADR 22)").isEmpty();
    }

    // ---- d. withdrawing consent erases --------------------------------------------------------------------------------

    @Test
    default void withdrawing_consent_erases_at_once_and_the_export_shows_when() throws IOException {
        Person mira = Person.unique("Mira");
        String id = register(mira, KOELN_CENTRE, KOELN);
        logActivities(id, mira, KOELN);
        Instant withdrawnAt = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);

        Response withdrawal = api().post("/api/volunteers/" + id + "/consent-withdrawal",
                Map.of("withdrawnAt", withdrawnAt.toString()), KOELN);
        assertThat(withdrawal.status()).as(withdrawal.toString()).isEqualTo(204);

        JsonNode export = api().get("/api/volunteers/" + id + "/data-export", KOELN).json();
        assertThat(export.path("erased").asBoolean()).isTrue();
        assertThat(export.path("consents")).hasSize(1);
        JsonNode consent = export.path("consents").get(0);
        assertThat(Instant.parse(consent.path("givenAt").asText())).isEqualTo(Instant.parse("2025-01-15T10:00:00Z"));
        assertThat(Instant.parse(consent.path("withdrawnAt").asText())).isEqualTo(withdrawnAt);
        String text = pdfText(api().download("/api/volunteers/" + id + "/data-export.pdf", KOELN).body());
        assertThat(text).contains("Widerrufen am").contains(GERMAN_TIMESTAMP.format(withdrawnAt));
        assertNoTrace("the PDF export after the withdrawal", text.getBytes(StandardCharsets.UTF_8), mira);
        assertThat(RawTables.scan(jdbc(), mira.needles()).hits()).isEmpty();
        String reason = jdbc().queryForObject("""
                select payload_type from domain_event_entry where aggregate_identifier = ? and payload_type like '%ConsentWithdrawnEvent'""",
                String.class, id);
        assertThat(reason).isNotNull();

        // a withdrawal in the future is refused and changes nothing
        Person later = Person.unique("Jonas");
        String laterId = register(later, KOELN_CENTRE, KOELN);
        Response future = api().post("/api/volunteers/" + laterId + "/consent-withdrawal",
                Map.of("withdrawnAt", Instant.now().plus(Duration.ofDays(1)).toString()), KOELN);
        assertThat(future.status()).as(future.toString()).isIn(400, 409);
        assertThat(future.contentType()).startsWith("application/problem+json");
        assertReadable(laterId, later);
    }

    // ---- e. the retention rules ------------------------------------------------------------------------------------------

    @Test
    default void the_retention_dry_run_lists_the_long_inactive_and_the_run_erases_exactly_those_and_is_recorded() {
        Person active = Person.unique("Ana");
        Person longInactive = Person.unique("Boris");
        Person recentlyInactive = Person.unique("Cem");
        String activeId = register(active, KOELN_CENTRE, KOELN);
        String longInactiveId = register(longInactive, KOELN_CENTRE, KOELN);
        String recentlyInactiveId = register(recentlyInactive, KOELN_CENTRE, KOELN);
        logActivities(longInactiveId, longInactive, KOELN);
        LocalDate inactiveSince = LocalDate.now(NRW);
        assertThat(api().post("/api/volunteers/" + longInactiveId + "/deactivation", Map.of(), KOELN).status()).isEqualTo(204);
        JsonNode rules = api().get("/api/admin/retention", ADMIN).json();
        int years = rules.path("inactiveYears").asInt();
        assertThat(years).isPositive();
        assertThat(ids(rules.path("volunteers"))).as("nobody inactive since today is due").doesNotContain(longInactiveId);

        ZonedDateTime now = ZonedDateTime.now(NRW);
        clock().shift(Duration.between(now, now.plusYears(years).plusDays(1)));
        try {
            assertThat(api().post("/api/volunteers/" + recentlyInactiveId + "/deactivation", Map.of(), KOELN).status())
                    .isEqualTo(204);

            Response dryRun = api().get("/api/admin/retention", ADMIN);
            assertThat(dryRun.status()).as(dryRun.toString()).isEqualTo(200);
            JsonNode plan = dryRun.json();
            assertThat(LocalDate.parse(plan.path("asOf").asText())).isEqualTo(LocalDate.now(clock()));
            Set<String> listed = ids(plan.path("volunteers"));
            assertThat(listed).contains(longInactiveId).doesNotContain(activeId, recentlyInactiveId);
            for (JsonNode v : plan.path("volunteers")) {
                if (v.path("volunteerId").asText().equals(longInactiveId)) {
                    assertThat(v.path("centreId").asText()).isEqualTo(KOELN_CENTRE);
                    assertThat(LocalDate.parse(v.path("inactiveSince").asText())).isEqualTo(inactiveSince);
                }
            }
            assertThat(dryRun.body()).as("the dry run names nobody").doesNotContain(longInactive.name(), longInactive.emailLowerCase());
            assertThat(api().get("/api/volunteers/" + longInactiveId, KOELN).json().path("name").asText())
                    .as("a dry run changes nothing").isEqualTo(longInactive.name());

            Response run = api().post("/api/admin/retention/runs", Map.of(), ADMIN);
            assertThat(run.status()).as(run.toString()).isEqualTo(201);
            String runId = run.text("runId");
            assertThat(ids(run.json().path("erased"))).as("the run erases exactly the listed ones").isEqualTo(listed);
            assertThat(run.json().path("stillDue").asInt()).isZero();

            assertThat(api().get("/api/volunteers/" + longInactiveId + "/data-export", ADMIN).json().path("erased").asBoolean())
                    .isTrue();
            assertReadable(activeId, active);
            assertThat(api().get("/api/volunteers/" + recentlyInactiveId, KOELN).json().path("name").asText())
                    .isEqualTo(recentlyInactive.name());
            assertThat(ids(api().get("/api/admin/retention", ADMIN).json().path("volunteers"))).doesNotContainAnyElementsOf(listed);
            assertThat(RawTables.scan(jdbc(), longInactive.needles()).hits()).isEmpty();

            // the run is recorded as an event of its own: when, under which rules, whom it erased (ids only), and by whom
            Map<String, Object> record = jdbc().queryForMap(
                    "select payload_type, payload, meta_data from domain_event_entry where aggregate_identifier = ?", runId);
            assertThat(simpleName(record.get("payload_type"))).isEqualTo("RetentionRunRecordedEvent");
            assertThat(new String((byte[]) record.get("payload"), StandardCharsets.UTF_8)).contains(longInactiveId);
            assertThat(new String((byte[]) record.get("meta_data"), StandardCharsets.UTF_8)).contains(ADMIN.username());
            assertThat(jdbc().queryForList("""
                    select payload from domain_event_entry
                     where aggregate_identifier = ? and payload_type like '%VolunteerDataErasedEvent'""", byte[].class, longInactiveId))
                    .singleElement().satisfies(p -> assertThat(new String(p, StandardCharsets.UTF_8)).contains("RETENTION"));
        } finally {
            clock().reset();
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------------------

    /**
     * Someone with a name, e-mail and phone nobody else has: the name carries a random word (and letters outside
     * ASCII), the e-mail is typed in mixed case (the platform keeps it in lower case), the phone ends in random digits.
     */
    record Person(String name, String token, String email, String phone) {

        private static final SecureRandom RANDOM = new SecureRandom();

        static Person unique(String given) {
            StringBuilder token = new StringBuilder("Ö");
            for (int i = 0; i < 9; i++) {
                token.append((char) ('a' + RANDOM.nextInt(26)));
            }
            String ascii = token.substring(1);
            String digits = String.format("%07d", RANDOM.nextInt(10_000_000));
            return new Person(given + " Şahin-" + token, token.toString(), given + "." + ascii.toUpperCase(Locale.ROOT) + "@Example.org",
                    "+49 221 " + digits.substring(0, 3) + " " + digits.substring(3));
        }

        String emailLowerCase() {
            return email.toLowerCase(Locale.ROOT);
        }

        /** What must never be found after erasure: the name, its unique word, the e-mail (as typed and lower case), the phone. */
        List<String> needles() {
            return List.of(name, token, email, emailLowerCase(), phone, token.substring(1));
        }
    }

    private String register(Person person, String centre, Login coordinator) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", person.name());
        body.put("email", person.email());
        body.put("phone", person.phone());
        body.put("availability", "dienstags, erreichbar unter " + person.phone());
        body.put("languages", List.of("ar", "de"));
        body.put("interests", List.of("LANGUAGE_SUPPORT", "ACCOMPANIMENT"));
        body.put("consent", Map.of("document", "Einwilligung Datenverarbeitung Ehrenamtskoordination",
                "version", "2024-01", "givenAt", "2025-01-15T10:00:00Z"));
        body.put("registeredOn", "2025-01-15");
        Response registered = api().post("/api/centres/" + centre + "/volunteers", body, coordinator);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return registered.text("volunteerId");
    }

    /** Two activities whose notes name the person and their phone: free text is personal data too. */
    private void logActivities(String volunteerId, Person person, Login coordinator) {
        LocalDate today = LocalDate.now(NRW);
        for (int i = 0; i < 2; i++) {
            Map<String, Object> body = new HashMap<>();
            body.put("date", today.minusDays(i).toString());
            body.put("minutes", 60 + 30 * i);
            body.put("category", i == 0 ? "ACCOMPANIMENT" : "LANGUAGE_SUPPORT");
            body.put("note", "Begleitung mit " + person.name() + ", Rückruf " + person.phone());
            Response logged = api().post("/api/volunteers/" + volunteerId + "/activities", body, coordinator);
            assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        }
    }

    private void assertReadable(String id, Person person) {
        JsonNode shown = api().get("/api/volunteers/" + id, KOELN).json();
        assertThat(shown.path("erased").asBoolean()).isFalse();
        assertThat(shown.path("name").asText()).isEqualTo(person.name());
        assertThat(shown.path("email").asText()).isEqualTo(person.emailLowerCase());
        assertThat(shown.path("phone").asText()).isEqualTo(person.phone());
        JsonNode export = api().get("/api/volunteers/" + id + "/data-export", KOELN).json();
        assertThat(export.path("erased").asBoolean()).isFalse();
        assertThat(export.path("name").asText()).isEqualTo(person.name());
        for (JsonNode activity : export.path("activities")) {
            assertThat(activity.path("note").asText()).contains(person.name());
        }
        JsonNode roster = api().get("/api/centres/" + KOELN_CENTRE + "/volunteers?search=" + person.token().substring(1), KOELN).json();
        assertThat(roster.path("totalItems").asLong()).isEqualTo(1);
    }

    private JsonNode overview(int year) {
        Response overview = api().get("/api/ministry/overview?fundingYear=" + year, MINISTRY);
        assertThat(overview.status()).as(overview.toString()).isEqualTo(200);
        return overview.json();
    }

    private JsonNode annualReport(String query) {
        Response report = api().get("/api/reports/annual?" + query, MINISTRY);
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        assertThat(report.body()).as("no report names anyone").doesNotContain("Farid");
        return report.json();
    }

    private static void assertSameFigures(JsonNode report, JsonNode before, String what) {
        for (String part : List.of("total", "regions", "centres", "budgets")) {
            assertThat(report.path(part)).as(what + ": " + part).isEqualTo(before.path(part));
        }
    }

    private void rebuildReadModels() {
        Response rebuild = api().post("/api/admin/read-models/rebuild", Map.of(), ADMIN);
        assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(202);
        ReadModels.awaitCaughtUp(api());
    }

    private static Set<String> ids(JsonNode volunteers) {
        Set<String> ids = new HashSet<>();
        volunteers.forEach(v -> ids.add(v.path("volunteerId").asText()));
        return ids;
    }

    private static String simpleName(Object payloadType) {
        String type = String.valueOf(payloadType);
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static void assertNoTrace(String what, byte[] bytes, Person person) {
        List<String> found = new ArrayList<>();
        for (String needle : person.needles()) {
            if (RawTables.containsBytes(bytes, needle)) {
                found.add(needle);
            }
        }
        assertThat(found).as("%s holds traces of %s", what, person).isEmpty();
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PdfReader reader = new PdfReader(pdf)) {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString().replaceAll("\\s+", " ");
        }
    }

    private void report(String moment, Scan scan) {
        System.out.printf("raw scan %s on %s: %d tables, %d cells, %d hits; rows per table %s%n", moment,
                jdbc().execute((org.springframework.jdbc.core.ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName()),
                scan.tables().size(), scan.cells(), scan.hits().size(), scan.rowsByTable());
    }
}
