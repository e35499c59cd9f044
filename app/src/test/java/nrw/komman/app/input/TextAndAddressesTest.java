package nrw.komman.app.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nrw.komman.app.support.Api;
import nrw.komman.app.support.OnH2;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nrw.komman.app.support.TestAccounts.KOELN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 25 over real HTTP on the embedded default: texts with invisible or malformed characters are refused by the API
 * and the forms with a German message that names the field, and nothing is stored; accented letters and emoji are
 * stored in NFC. Redirects and {@code Location} headers never point where a client's {@code Host} or
 * {@code X-Forwarded-Host} says.
 */
class TextAndAddressesTest extends OnH2 {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVIL = "evil.example";
    private static final String VOLUNTEERS = "/api/centres/05315/volunteers";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Api api;

    @BeforeEach
    void accounts() {
        api = new Api(port);
        TestAccounts.createAll(api);
    }

    // ---- texts through the API ---------------------------------------------------------------------

    @Test
    void the_api_refuses_each_class_of_invisible_or_malformed_character_and_stores_nothing() throws Exception {
        assertThat(api.post(VOLUNTEERS, volunteerMap("Erika Muster", "erika." + UUID.randomUUID() + "@example.org"), KOELN).status()).isEqualTo(201);
        // JSON text as sent: \\u escapes reach the server as escapes, so a lone surrogate arrives as one
        Map<String, String> invisible = Map.of(
                "right-to-left override", "Anna\\u202Eanul",
                "left-to-right mark", "Anna\\u200E",
                "isolate", "\\u2067Anna\\u2069",
                "zero-width space", "An\\u200Bna",
                "zero-width joiner between latin letters", "An\\u200Dna",
                "byte-order mark", "\\uFEFFAnna",
                "word joiner", "An\\u2060na",
                "soft hyphen", "An\\u00ADna");
        for (Map.Entry<String, String> c : invisible.entrySet()) {
            JsonNode problem = refused(volunteerJson(c.getValue(), "dienstags"), c.getKey());
            assertThat(problem.path("code").asText()).as(c.getKey()).isEqualTo("name.invisible-characters");
            assertThat(problem.path("detail").asText()).as(c.getKey()).isEqualTo("Der Name enthält unsichtbare Steuerzeichen "
                    + "(z. B. Richtungsumkehr oder Null-Breite-Zeichen). Bitte geben Sie ihn ohne diese Zeichen ein.");
            assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("name");
        }
        JsonNode bom = refused(volunteerJson("Anna Berg", "abends\\uFEFF"), "byte-order mark in the availability");
        assertThat(bom.path("code").asText()).isEqualTo("availability.invisible-characters");
        assertThat(bom.path("detail").asText()).startsWith("Die Verfügbarkeit enthält unsichtbare Steuerzeichen").contains("Bitte geben Sie sie");

        JsonNode lone = refused(volunteerJson("Anna\\ud800 Berg", "dienstags"), "lone high surrogate");
        assertThat(lone.path("code").asText()).isEqualTo("name.malformed-characters");
        assertThat(lone.path("detail").asText()).startsWith("Der Name enthält ungültig kodierte Zeichen");
        assertThat(refused(volunteerJson("Anna\\udc00", "dienstags"), "lone low surrogate").path("code").asText())
                .isEqualTo("name.malformed-characters");
        assertThat(refused(volunteerJson("Anna\\ufffd", "dienstags"), "replacement character").path("code").asText())
                .isEqualTo("name.malformed-characters");

        // raw bytes that are no UTF-8: a stray 0xFF, a cut-off sequence, and a surrogate encoded as UTF-8 (CESU)
        for (byte[] bad : List.of(new byte[]{(byte) 0xFF}, new byte[]{(byte) 0xC3}, new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80})) {
            HttpWire.Answer answer = rawVolunteer(bad);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
            JsonNode problem = JSON.readTree(answer.body());
            assertThat(problem.path("code").asText()).as(answer.toString()).isIn("json.malformed-encoding", "name.malformed-characters");
            assertThat(problem.path("detail").asText()).containsAnyOf("UTF-8", "ungültig kodierte Zeichen");
        }
        assertThat(storedNames()).isNotEmpty().noneMatch(n -> n.contains("?") || n.contains("\uFFFD"));
    }

    @Test
    void other_texts_of_the_api_follow_the_same_rule() {
        String v = api.post(VOLUNTEERS, volunteerMap("Ruth Weber", "ruth." + UUID.randomUUID() + "@example.org"), KOELN).text("volunteerId");
        long before = events();
        Api.Response note = api.raw("POST", "/api/volunteers/" + v + "/activities", "application/json",
                "{\"date\":\"" + LocalDate.now(ZoneId.of("Europe/Berlin")) + "\",\"minutes\":60,\"category\":\"ACCOMPANIMENT\","
                        + "\"note\":\"Termin\\u200B bei der Behörde\"}", KOELN);
        assertThat(note.status()).as(note.toString()).isEqualTo(400);
        assertThat(note.text("code")).isEqualTo("note.invisible-characters");
        Api.Response grant = api.raw("POST", "/api/grants", "application/json",
                "{\"fundingYear\":" + LocalDate.now().getYear() + ",\"programmePart\":\"PART_II_A\",\"title\":\"Treff\\u202Epunkt\","
                        + "\"purpose\":\"Begegnung\",\"requestedAmount\":\"1000.00\"}", KOELN);
        assertThat(grant.status()).as(grant.toString()).isEqualTo(400);
        assertThat(grant.text("code")).isEqualTo("title.invisible-characters");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void accented_letters_and_emoji_are_accepted_and_decomposed_letters_are_stored_in_nfc() {
        String decomposed = "Zoe\u0308 Mu\u0308ller-Đorđević \uD83D\uDC4B\uD83C\uDFFD";
        String family = "Familie \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        Map<String, Object> body = volunteerMap(decomposed, "zoe." + UUID.randomUUID() + "@example.org");
        body.put("availability", family);
        Api.Response created = api.post(VOLUNTEERS, body, KOELN);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode shown = api.get("/api/volunteers/" + created.text("volunteerId"), KOELN).json();
        assertThat(shown.path("name").asText()).isEqualTo("Zoë Müller-Đorđević 👋🏽").isNotEqualTo(decomposed);
        assertThat(shown.path("availability").asText()).isEqualTo(family);
    }

    // ---- texts through a form ----------------------------------------------------------------------

    @Test
    void the_registration_form_shows_the_refusal_next_to_the_field_and_stores_nothing() {
        HttpWire browser = signedIn(new HttpWire(port), KOELN);
        String csrf = browser.get("/ehrenamtliche/neu").csrf();
        long before = events();
        Map<String, String> form = volunteerForm("Anna\u202Eanul", csrf);
        HttpWire.Answer answer = browser.form("/ehrenamtliche", form);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.body()).contains("id=\"name-fehler\"")
                .contains("Der Name enthält unsichtbare Steuerzeichen (z. B. Richtungsumkehr oder Null-Breite-Zeichen). "
                        + "Bitte geben Sie ihn ohne diese Zeichen ein.");
        form.put("name", "Anna Berg");
        form.put("availability", "montags\uFEFF");
        HttpWire.Answer bom = browser.form("/ehrenamtliche", form);
        assertThat(bom.body()).contains("id=\"availability-fehler\"").contains("Die Verfügbarkeit enthält unsichtbare Steuerzeichen");
        // invalid UTF-8 in a form field: Tomcat decodes it to U+FFFD, which is refused, never stored
        byte[] raw = concat(("_csrf=" + csrf + "&consentGiven=true&consentDocument=Einwilligung&consentVersion=2024-01&consentDate="
                + LocalDate.now(ZoneId.of("Europe/Berlin")) + "&email=anna." + UUID.randomUUID() + "%40example.org&name=Anna").getBytes(StandardCharsets.US_ASCII),
                new byte[]{(byte) 0xFF}, "%FF%C3".getBytes(StandardCharsets.US_ASCII));
        HttpWire.Answer bytes = browser.send("POST", "/ehrenamtliche", "application/x-www-form-urlencoded", raw, Map.of());
        // (Tomcat either decodes the bytes to U+FFFD, which the rule refuses, or drops the parameter: then the name is missing)
        assertThat(bytes.status()).as(bytes.toString()).isEqualTo(200);
        assertThat(bytes.body()).contains("id=\"name-fehler\"");
        assertThat(events()).isEqualTo(before);
    }

    // ---- addresses ---------------------------------------------------------------------------------

    @Test
    void a_forged_host_never_becomes_a_redirect_or_location() throws Exception {
        for (HttpWire client : List.of(new HttpWire(port).host(EVIL),
                new HttpWire(port).always("X-Forwarded-Host", EVIL).always("X-Forwarded-Proto", "https").always("X-Forwarded-Port", "443"))) {
            HttpWire.Answer toSignIn = client.get("/ehrenamtliche");
            assertThat(toSignIn.status()).as(toSignIn.toString()).isEqualTo(302);
            assertThat(toSignIn.location()).isEqualTo("/login");

            HttpWire.Answer signIn = signIn(client, KOELN);
            assertThat(signIn.status()).as(signIn.toString()).isEqualTo(302);
            assertThat(signIn.location()).startsWith("/").doesNotContain(EVIL).doesNotStartWith("//");

            HttpWire.Answer registered = client.form("/ehrenamtliche",
                    volunteerForm("Lina Kaya " + UUID.randomUUID().toString().substring(0, 8), client.get("/ehrenamtliche/neu").csrf()));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(302);
            assertThat(registered.location()).matches("/ehrenamtliche/[0-9a-f-]{36}");

            HttpWire.Answer created = client.send("POST", VOLUNTEERS, "application/json",
                    JSON.writeValueAsBytes(volunteerMap("Omar Said", "omar." + UUID.randomUUID() + "@example.org")),
                    Map.of("Authorization", HttpWire.basic(KOELN.username(), KOELN.password()), "Accept", "application/json"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.location()).matches("/api/volunteers/[0-9a-f-]{36}");

            HttpWire.Answer apiDocs = client.send("GET", "/v3/api-docs", null, null, Map.of("Accept", "application/json"));
            assertThat(apiDocs.status()).isEqualTo(200);
            assertThat(apiDocs.body()).doesNotContain(EVIL);

            HttpWire.Answer loggedOut = client.form("/logout", Map.of("_csrf", client.get("/ehrenamtliche/neu").csrf()));
            assertThat(loggedOut.status()).as(loggedOut.toString()).isEqualTo(302);
            assertThat(loggedOut.location()).isEqualTo("/login?abgemeldet");
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private JsonNode refused(String json, String what) throws Exception {
        long before = events();
        Api.Response r = api.raw("POST", VOLUNTEERS, "application/json", json, KOELN);
        assertThat(r.status()).as(what + ": " + r).isEqualTo(400);
        assertThat(events()).as(what + ": nothing stored").isEqualTo(before);
        return JSON.readTree(r.body());
    }

    private HttpWire.Answer rawVolunteer(byte[] badBytes) {
        long before = events();
        byte[] body = concat(("{\"name\":\"Anna").getBytes(StandardCharsets.UTF_8), badBytes,
                volunteerJson("", "dienstags").substring("{\"name\":\"".length()).getBytes(StandardCharsets.UTF_8));
        HttpWire.Answer answer = new HttpWire(port).send("POST", VOLUNTEERS, "application/json; charset=UTF-8", body,
                Map.of("Authorization", HttpWire.basic(KOELN.username(), KOELN.password()), "Accept", "application/json"));
        assertThat(events()).isEqualTo(before);
        return answer;
    }

    private static String volunteerJson(String nameAsJson, String availabilityAsJson) {
        return "{\"name\":\"" + nameAsJson + "\",\"email\":\"a." + UUID.randomUUID() + "@example.org\",\"availability\":\""
                + availabilityAsJson + "\",\"consent\":{\"document\":\"Einwilligung Datenverarbeitung\",\"version\":\"2024-01\","
                + "\"givenAt\":\"2025-03-01T09:00:00Z\"}}";
    }

    private static Map<String, Object> volunteerMap(String name, String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("email", email);
        body.put("consent", Map.of("document", "Einwilligung Datenverarbeitung", "version", "2024-01", "givenAt", "2025-03-01T09:00:00Z"));
        return body;
    }

    private static Map<String, String> volunteerForm(String name, String csrf) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf);
        form.put("name", name);
        form.put("email", "form." + UUID.randomUUID() + "@example.org");
        form.put("consentGiven", "true");
        form.put("consentDocument", "Einwilligung Datenverarbeitung Ehrenamtskoordination");
        form.put("consentVersion", "2024-01");
        form.put("consentDate", LocalDate.now(ZoneId.of("Europe/Berlin")).toString());
        return form;
    }

    private static HttpWire signedIn(HttpWire client, Api.Login login) {
        HttpWire.Answer answer = signIn(client, login);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(302);
        assertThat(answer.location()).doesNotContain("fehler");
        return client;
    }

    private static HttpWire.Answer signIn(HttpWire client, Api.Login login) {
        String csrf = client.get("/login").csrf();
        return client.form("/login", Map.of("_csrf", csrf, "username", login.username(), "password", login.password()));
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private List<String> storedNames() {
        return api.get(VOLUNTEERS + "?size=200", KOELN).json().path("items").findValuesAsText("name");
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
