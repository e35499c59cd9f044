package nrw.komman.app.journey;

import nrw.komman.app.support.Api;
import nrw.komman.app.support.FormClient;
import nrw.komman.app.support.OnH2;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nrw.komman.app.support.Requests.volunteer;
import static nrw.komman.app.support.TestAccounts.DUESSELDORF;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, ADR 27: a coordinator's answers about an e-mail address depend only on their own centre. Köln registers,
 * changes and reactivates volunteers with addresses that are free and with addresses that a volunteer of Düsseldorf
 * has claimed; status, body, volunteer page and (within noise) time are the same. The claim stays unique all along.
 */
class EmailAnswersTellNothingOfOtherCentresTest extends OnH2 {

    private static final String NAME = "Mira Sonntag";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        TestAccounts.createAll(api);
    }

    private static String unique(String what) {
        return what + "." + UUID.randomUUID() + "@example.org";
    }

    /** An address that a volunteer of Düsseldorf has claimed. */
    private String claimedInDuesseldorf() {
        String email = unique("duesseldorf");
        assertThat(api.post("/api/centres/05111/volunteers", volunteer("Jonas Weber", email), DUESSELDORF).status()).isEqualTo(201);
        return email;
    }

    private static String masked(String text, String volunteerId, String email) {
        // the CSRF token is masked afresh for every page (BREACH); it says nothing about the address
        return text.replace(volunteerId, "<id>").replace(email, "<email>")
                .replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "name=\"_csrf\" value=\"<token>\"");
    }

    private int claimsOf(String volunteerId) {
        return jdbc.queryForObject("select count(*) from active_email_claim where volunteer_id = ?", Integer.class, volunteerId);
    }

    @Test
    void registering_updating_and_reactivating_over_the_api_answer_the_same_for_a_free_and_another_centres_address() {
        String free = unique("frei");
        String taken = claimedInDuesseldorf();

        Api.Response withFree = api.post("/api/centres/05315/volunteers", volunteer(NAME, free), KOELN);
        Api.Response withTaken = api.post("/api/centres/05315/volunteers", volunteer(NAME, taken), KOELN);
        assertThat(withTaken.status()).isEqualTo(withFree.status()).isEqualTo(201);
        String freeId = withFree.text("volunteerId");
        String takenId = withTaken.text("volunteerId");
        assertThat(masked(withTaken.body(), takenId, taken)).isEqualTo(masked(withFree.body(), freeId, free));
        assertThat(masked(withTaken.location(), takenId, taken)).isEqualTo(masked(withFree.location(), freeId, free));
        assertThat(masked(api.get("/api/volunteers/" + takenId, KOELN).body(), takenId, taken))
                .isEqualTo(masked(api.get("/api/volunteers/" + freeId, KOELN).body(), freeId, free));
        // ... and the claim stays with Düsseldorf's volunteer: Köln's holds the address without it
        assertThat(claimsOf(freeId)).isEqualTo(1);
        assertThat(claimsOf(takenId)).isZero();

        // a profile change to another address claimed in Düsseldorf, or to a free one
        String free2 = unique("frei2");
        String taken2 = claimedInDuesseldorf();
        Api.Response updateFree = api.put("/api/volunteers/" + freeId + "/profile", volunteer(NAME, free2), KOELN);
        Api.Response updateTaken = api.put("/api/volunteers/" + takenId + "/profile", volunteer(NAME, taken2), KOELN);
        assertThat(updateTaken.status()).isEqualTo(updateFree.status()).isEqualTo(204);
        assertThat(updateTaken.body()).isEqualTo(updateFree.body());

        // deactivated, the address is claimed meanwhile in Düsseldorf, reactivated: as if it were free
        assertThat(api.post("/api/volunteers/" + freeId + "/deactivation", Map.of(), KOELN).status()).isEqualTo(204);
        assertThat(api.post("/api/volunteers/" + takenId + "/deactivation", Map.of(), KOELN).status()).isEqualTo(204);
        String taken3 = claimedInDuesseldorf();
        assertThat(api.put("/api/volunteers/" + takenId + "/profile", volunteer(NAME, taken3), KOELN).status()).isEqualTo(204);
        Api.Response reactivateFree = api.post("/api/volunteers/" + freeId + "/reactivation", Map.of(), KOELN);
        Api.Response reactivateTaken = api.post("/api/volunteers/" + takenId + "/reactivation", Map.of(), KOELN);
        assertThat(reactivateTaken.status()).isEqualTo(reactivateFree.status()).isEqualTo(204);
        assertThat(claimsOf(takenId)).isZero();
    }

    @Test
    void within_its_own_centre_a_coordinator_is_told_as_before() {
        String email = unique("doppelt");
        assertThat(api.post("/api/centres/05315/volunteers", volunteer(NAME, email), KOELN).status()).isEqualTo(201);

        Api.Response again = api.post("/api/centres/05315/volunteers", volunteer("Mira S.", email.toUpperCase()), KOELN);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("detail"))
                .isEqualTo("Diese E-Mail-Adresse ist in Ihrem Integrationszentrum bereits für eine aktive Person registriert.");
    }

    @Test
    void the_held_address_takes_the_claim_when_the_other_centres_volunteer_is_erased() {
        String email = unique("uebergabe");
        String duesseldorf = api.post("/api/centres/05111/volunteers", volunteer("Jonas Weber", email), DUESSELDORF).text("volunteerId");
        String koeln = api.post("/api/centres/05315/volunteers", volunteer(NAME, email), KOELN).text("volunteerId");
        assertThat(claimsOf(duesseldorf)).isEqualTo(1);
        assertThat(claimsOf(koeln)).isZero();

        assertThat(api.post("/api/volunteers/" + duesseldorf + "/erasure", Map.of("reason", "REQUEST"), DUESSELDORF).status())
                .isEqualTo(204);

        assertThat(claimsOf(koeln)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from active_email_claim", Integer.class))
                .isEqualTo(jdbc.queryForObject("select count(distinct fingerprint) from active_email_claim", Integer.class));
    }

    @Test
    void the_registration_form_answers_the_same_for_a_free_and_another_centres_address() {
        FormClient koeln = FormClient.signedIn(port, KOELN);
        String free = unique("formular-frei");
        String taken = claimedInDuesseldorf();

        FormClient.Page withFree = koeln.post("/ehrenamtliche/neu", "/ehrenamtliche", form(free));
        FormClient.Page withTaken = koeln.post("/ehrenamtliche/neu", "/ehrenamtliche", form(taken));

        assertThat(withTaken.status()).isEqualTo(withFree.status()).isEqualTo(302);
        String freeId = withFree.location().substring(withFree.location().lastIndexOf('/') + 1);
        String takenId = withTaken.location().substring(withTaken.location().lastIndexOf('/') + 1);
        assertThat(masked(withTaken.location(), takenId, taken)).isEqualTo(masked(withFree.location(), freeId, free));
        String freePage = koeln.get("/ehrenamtliche/" + freeId).body();
        String takenPage = koeln.get("/ehrenamtliche/" + takenId).body();
        assertThat(takenPage).contains(NAME).contains(taken);
        assertThat(masked(takenPage, takenId, taken)).isEqualTo(masked(freePage, freeId, free));
        assertThat(claimsOf(takenId)).isZero();

        // within Köln the form names the conflict at the field
        FormClient.Page again = koeln.post("/ehrenamtliche/neu", "/ehrenamtliche", form(free));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("in Ihrem Integrationszentrum bereits für eine aktive Person registriert");
    }

    @Test
    void answering_takes_the_same_time_for_a_free_and_another_centres_address() {
        int rounds = 15;
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < rounds + 3; i++) {
            taken.add(claimedInDuesseldorf());
        }
        List<Long> freeNanos = new ArrayList<>();
        List<Long> takenNanos = new ArrayList<>();
        for (int i = 0; i < rounds + 3; i++) {
            // interleaved and in turns first, so that a slower phase of the machine (or the projection still busy
            // with the previous write) hits both alike; the first three warm up
            boolean freeFirst = i % 2 == 0;
            long first = timedRegistration(freeFirst ? unique("zeit") : taken.get(i));
            long second = timedRegistration(freeFirst ? taken.get(i) : unique("zeit"));
            if (i >= 3) {
                freeNanos.add(freeFirst ? first : second);
                takenNanos.add(freeFirst ? second : first);
            }
        }
        double free = median(freeNanos) / 1e6;
        double held = median(takenNanos) / 1e6;
        System.out.printf("registration over HTTP, median of %d: free address %.1f ms, address claimed in another centre %.1f ms%n",
                rounds, free, held);
        // "within noise": the two medians differ by less than a quarter of the larger one plus 5 ms
        assertThat(Math.abs(held - free)).isLessThan(Math.max(free, held) / 4 + 5);
    }

    private long timedRegistration(String email) {
        long start = System.nanoTime();
        assertThat(api.post("/api/centres/05315/volunteers", volunteer(NAME, email), KOELN).status()).isEqualTo(201);
        return System.nanoTime() - start;
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static Map<String, String> form(String email) {
        // the same name each time: past the warning of a possible duplicate, this test is about the e-mail's answer
        return Map.of("name", NAME, "email", email, "consentGiven", "true", "despiteDuplicates", "true",
                "consentDocument", "Einwilligung Datenverarbeitung Ehrenamtskoordination", "consentVersion", "2024-01",
                "consentDate", LocalDate.now(ZoneId.of("Europe/Berlin")).toString());
    }
}
