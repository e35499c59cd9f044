package nrw.komman.app.journey;

import com.fasterxml.jackson.databind.JsonNode;
import nrw.komman.app.support.Api;
import nrw.komman.app.support.Api.Response;
import nrw.komman.app.support.Budgets;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nrw.komman.app.support.Requests.activity;
import static nrw.komman.app.support.Requests.grant;
import static nrw.komman.app.support.Requests.volunteer;
import static nrw.komman.app.support.TestAccounts.AUDITOR;
import static nrw.komman.app.support.TestAccounts.DUESSELDORF;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static nrw.komman.app.support.TestAccounts.KOELN_CENTRE;
import static nrw.komman.app.support.TestAccounts.MINISTRY;
import static nrw.komman.app.support.TestAccounts.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three flows at the heart of the platform, end to end over real HTTP against the running
 * application and its real database. Each read follows its write at once, without waiting: the API
 * promises read-your-writes. Implemented once per database.
 */
public interface ApiJourneys {

    Api api();

    JdbcTemplate jdbc();

    LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));

    @BeforeEach
    default void accounts() {
        TestAccounts.createAll(api());
    }

    @Test
    default void the_54_reference_centres_are_established_on_first_start() {
        Response centres = api().get("/api/centres", AUDITOR);

        assertThat(centres.status()).isEqualTo(200);
        assertThat(centres.json()).hasSize(54);
        assertThat(centres.body()).contains("05334002", "05166", "05315");
        Response koeln = api().get("/api/centres/05315", KOELN);
        assertThat(koeln.json().path("regierungsbezirk").asText()).isEqualTo("KOELN");
    }

    @Test
    default void a_volunteer_is_registered_and_their_activities_logged_corrected_and_withdrawn_and_each_read_shows_the_write() {
        String email = "amina." + UUID.randomUUID() + "@example.org";
        Response registered = api().post("/api/centres/05315/volunteers", volunteer("Amina Haddad", email), KOELN);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String volunteerId = registered.text("volunteerId");
        assertThat(registered.location()).endsWith("/api/volunteers/" + volunteerId);

        JsonNode shown = api().get("/api/volunteers/" + volunteerId, KOELN).json();
        assertThat(shown.path("name").asText()).isEqualTo("Amina Haddad");
        assertThat(shown.path("email").asText()).isEqualTo(email);
        assertThat(shown.path("status").asText()).isEqualTo("ACTIVE");

        JsonNode before = api().get("/api/centres/05315/dashboard", KOELN).json();
        Response logged = api().post("/api/volunteers/" + volunteerId + "/activities", activity(TODAY, 90, "ACCOMPANIMENT"), KOELN);
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        String activityId = logged.text("activityId");
        JsonNode dashboard = api().get("/api/centres/05315/dashboard", KOELN).json();
        assertThat(dashboard.path("minutesThisYear").asLong()).isEqualTo(before.path("minutesThisYear").asLong() + 90);
        assertThat(dashboard.path("minutesThisMonth").asLong()).isEqualTo(before.path("minutesThisMonth").asLong() + 90);
        assertThat(dashboard.path("activitiesThisYear").asLong()).isEqualTo(before.path("activitiesThisYear").asLong() + 1);
        assertThat(dashboard.path("minutesByMonth").path(String.valueOf(TODAY.getMonthValue())).path("ACCOMPANIMENT").asLong())
                .isEqualTo(before.path("minutesByMonth").path(String.valueOf(TODAY.getMonthValue())).path("ACCOMPANIMENT").asLong() + 90);
        assertThat(dashboard.path("latestActivities").findValuesAsText("activityId")).contains(activityId);
        JsonNode log = api().get("/api/centres/05315/activities?volunteerId=" + volunteerId, KOELN).json();
        assertThat(log.path("totalItems").asLong()).isEqualTo(1);
        assertThat(log.path("items").get(0).path("minutes").asInt()).isEqualTo(90);
        assertThat(api().get("/api/volunteers/" + volunteerId, KOELN).json().path("minutesThisYear").asLong()).isEqualTo(90);

        Map<String, Object> correction = activity(TODAY, 120, "INTERPRETING");
        correction.put("reason", "Dauer falsch erfasst");
        Response corrected = api().post("/api/volunteers/" + volunteerId + "/activities/" + activityId + "/correction", correction, KOELN);
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(204);
        JsonNode item = api().get("/api/centres/05315/activities?volunteerId=" + volunteerId, KOELN).json().path("items").get(0);
        assertThat(item.path("minutes").asInt()).isEqualTo(120);
        assertThat(item.path("category").asText()).isEqualTo("INTERPRETING");
        assertThat(item.path("corrected").asBoolean()).isTrue();

        Response withdrawn = api().post("/api/volunteers/" + volunteerId + "/activities/" + activityId + "/withdrawal",
                Map.of("reason", "doppelt erfasst"), KOELN);
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(204);
        assertThat(api().get("/api/volunteers/" + volunteerId, KOELN).json().path("minutesThisYear").asLong()).isZero();
        assertThat(api().get("/api/centres/05315/dashboard", KOELN).json().path("minutesThisYear").asLong())
                .as("a withdrawn activity counts no more").isEqualTo(before.path("minutesThisYear").asLong());

        assertThat(api().post("/api/volunteers/" + volunteerId + "/deactivation", Map.of(), KOELN).status()).isEqualTo(204);
        assertThat(api().get("/api/volunteers/" + volunteerId, KOELN).json().path("status").asText()).isEqualTo("INACTIVE");
        Response refused = api().post("/api/volunteers/" + volunteerId + "/activities", activity(TODAY, 30, "OTHER"), KOELN);
        assertThat(refused.status()).as("an inactive volunteer cannot log activities").isEqualTo(409);
        assertThat(api().post("/api/volunteers/" + volunteerId + "/reactivation", Map.of(), KOELN).status()).isEqualTo(204);
        assertThat(api().get("/api/volunteers/" + volunteerId, KOELN).json().path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    default void a_grant_is_applied_for_reviewed_and_approved_and_its_history_says_who_did_what_and_when() {
        Budgets.ensure(api(), TODAY.getYear(), "PART_II_A");
        Response applied = api().post("/api/grants", grant(TODAY.getYear(), "25000.00"), KOELN);
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        String grantId = applied.text("grantId");
        assertThat(api().get("/api/grants/" + grantId, KOELN).json().path("status").asText()).isEqualTo("APPLIED");

        Response reviewed = api().post("/api/grants/" + grantId + "/review",
                Map.of("recommendation", "APPROVE", "note", "Förderfähig, Kostenplan plausibel"), OFFICER);
        assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(204);
        assertThat(api().get("/api/grants/" + grantId, MINISTRY).json().path("status").asText()).isEqualTo("REVIEWED");

        Response tooMuch = api().post("/api/grants/" + grantId + "/approval", Map.of("approvedAmount", "25000.01"), MINISTRY);
        assertThat(tooMuch.status()).as("approved amount above the requested one").isEqualTo(409);

        Response approved = api().post("/api/grants/" + grantId + "/approval",
                Map.of("approvedAmount", "20000.00", "note", "Kürzung Sachkosten"), MINISTRY);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(204);
        JsonNode grant = api().get("/api/grants/" + grantId, KOELN).json();
        assertThat(grant.path("status").asText()).isEqualTo("APPROVED");
        assertThat(grant.path("requestedAmount").asText()).isEqualTo("25000.00");
        assertThat(grant.path("approvedAmount").asText()).isEqualTo("20000.00");

        JsonNode history = api().get("/api/grants/" + grantId + "/history", AUDITOR).json().path("entries");
        assertThat(history).hasSize(3);
        assertThat(history.get(0).path("actorAccount").asText()).isEqualTo(KOELN.username());
        assertThat(history.get(0).path("actorRole").asText()).isEqualTo("COORDINATOR");
        assertThat(history.get(1).path("actorAccount").asText()).isEqualTo(OFFICER.username());
        assertThat(history.get(1).path("reason").asText()).contains("Förderfähig");
        assertThat(history.get(2).path("actorAccount").asText()).isEqualTo(MINISTRY.username());
        assertThat(history.get(2).path("actorRole").asText()).isEqualTo("MINISTRY");
        assertThat(history.get(2).path("approvedAfter").asText()).isEqualTo("20000.00");
        assertThat(history.get(2).path("occurredAt").asText()).isNotBlank();

        Response activityWithGrant = api().post("/api/volunteers/" + registerVolunteer() + "/activities",
                withGrant(activity(TODAY, 60, "ARRIVAL_MEETING_POINT"), grantId), KOELN);
        assertThat(activityWithGrant.status()).as("an activity may reference an approved grant of its centre").isEqualTo(201);
    }

    @Test
    default void an_approved_grant_is_amended_paid_out_reported_closed_and_repaid_and_its_history_verifies() {
        int year = TODAY.getYear();
        Budgets.ensure(api(), year, "PART_II_A");
        String grantId = api().post("/api/grants", grant(year, "30000.00"), KOELN).text("grantId");
        String grant = "/api/grants/" + grantId;
        api().post(grant + "/review", Map.of("recommendation", "APPROVE", "note", "förderfähig"), OFFICER);
        assertThat(api().post(grant + "/approval", Map.of("approvedAmount", "24000.00"), MINISTRY).status()).isEqualTo(204);

        assertStatus(204, api().post(grant + "/fund-requests", Map.of("amount", "10000.00", "purpose", "Honorare 1. Halbjahr"), KOELN));
        assertThat(api().get(grant, KOELN).json().path("fundsRequested").asText()).isEqualTo("10000.00");
        assertStatus(204, api().post(grant + "/disbursements", Map.of("amount", "10000.00", "disbursedOn", TODAY.toString()), OFFICER));
        assertStatus(204, api().post(grant + "/disbursements", Map.of("amount", "8000.00", "disbursedOn", TODAY.toString()), OFFICER));
        assertStatus(409, api().post(grant + "/disbursements", Map.of("amount", "6000.01", "disbursedOn", TODAY.toString()), OFFICER));
        assertStatus(409, api().post(grant + "/amendments", Map.of("approvedAmount", "17999.99", "reason", "Kürzung"), MINISTRY));
        assertStatus(204, api().post(grant + "/amendments", Map.of("approvedAmount", "20000.00", "reason", "Teilprojekt entfällt"), MINISTRY));
        JsonNode paid = api().get(grant, KOELN).json();
        assertThat(paid.path("approvedAmount").asText()).isEqualTo("20000.00");
        assertThat(paid.path("disbursedAmount").asText()).isEqualTo("18000.00");
        assertThat(paid.path("fundsRequested").asText()).isEqualTo("0.00");

        assertStatus(204, api().post(grant + "/usage-report",
                Map.of("amountSpent", "16500.00", "report", "Café an 48 Terminen, 1.200 Besuche", "volunteersReached", 23), KOELN));
        assertStatus(409, api().post(grant + "/disbursements", Map.of("amount", "1.00", "disbursedOn", TODAY.toString()), OFFICER));
        assertStatus(204, api().post(grant + "/closure", Map.of("checkNote", "Minderausgaben bei Sachkosten"), OFFICER));
        JsonNode closed = api().get(grant, KOELN).json();
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("repaymentDemanded").asText()).as("disbursed − spent").isEqualTo("1500.00");
        assertStatus(409, api().post(grant + "/repayments", Map.of("amount", "1500.01", "receivedOn", TODAY.toString()), OFFICER));
        assertStatus(204, api().post(grant + "/repayments", Map.of("amount", "1500.00", "receivedOn", TODAY.toString()), OFFICER));
        assertThat(api().get(grant, KOELN).json().path("repaidAmount").asText()).isEqualTo("1500.00");
        assertStatus(409, api().post(grant + "/amendments", Map.of("approvedAmount", "19000.00", "reason", "zu spät"), MINISTRY));

        JsonNode history = api().get(grant + "/history", AUDITOR).json().path("entries");
        assertThat(history).as("ten facts: apply, review, approve, draw, two tranches, amend, report, close, repay").hasSize(10);
        JsonNode amendment = history.get(6);
        assertThat(amendment.path("actorRole").asText()).isEqualTo("MINISTRY");
        assertThat(amendment.path("approvedBefore").asText()).isEqualTo("24000.00");
        assertThat(amendment.path("approvedAfter").asText()).isEqualTo("20000.00");
        assertThat(amendment.path("reason").asText()).contains("Teilprojekt entfällt");
        assertThat(history.get(4).path("disbursedAfter").asText()).isEqualTo("10000.00");
        assertThat(history.get(5).path("disbursedBefore").asText()).isEqualTo("10000.00");
        assertThat(history.get(5).path("disbursedAfter").asText()).isEqualTo("18000.00");

        JsonNode chain = api().get(grant + "/audit-chain", AUDITOR).json();
        assertThat(chain.path("intact").asBoolean()).as(chain.toString()).isTrue();
        assertThat(chain.path("length").asInt()).isEqualTo(10);
        String head = chain.path("head").asText();
        assertThat(head).matches("[0-9a-f]{64}");
        JsonNode again = api().get(grant + "/audit-chain?expectedHead=" + head + "&expectedLength=10", KOELN).json();
        assertThat(again.path("matchesExpected").asBoolean()).isTrue();
        JsonNode other = api().get(grant + "/audit-chain?expectedHead=" + "0".repeat(64) + "&expectedLength=10", AUDITOR).json();
        assertThat(other.path("matchesExpected").asBoolean()).isFalse();

        Response csv = api().get(grant + "/history.csv", AUDITOR);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).contains(head, "Teilprojekt entfällt", "1.500,00");
        Response pdf = api().get(grant + "/history.pdf", AUDITOR);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF");

        JsonNode budgets = api().get("/api/budgets?fundingYear=" + year, MINISTRY).json();
        JsonNode part = null;
        for (JsonNode row : budgets.path("programmeParts")) {
            part = "PART_II_A".equals(row.path("programmePart").asText()) ? row : part;
        }
        assertThat(part).isNotNull();
        assertThat(part.path("budget").asText()).isEqualTo(Budgets.GENEROUS);
        long approvedCents = new java.math.BigDecimal(part.path("approved").asText()).movePointRight(2).longValueExact();
        Long ledger = jdbc().queryForObject("select approved_cents from budget_ledger where budget_id = ?", Long.class,
                year + "/PART_II_A");
        assertThat(approvedCents).as("the read model and the command side's ledger agree").isEqualTo(ledger);
    }

    private static void assertStatus(int expected, Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(expected);
    }

    @Test
    default void a_rejected_or_withdrawn_application_accepts_nothing_more() {
        String rejected = api().post("/api/grants", grant(TODAY.getYear(), "1000.00"), KOELN).text("grantId");
        api().post("/api/grants/" + rejected + "/review", Map.of("recommendation", "REJECT", "note", "nicht förderfähig"), OFFICER);
        Response rejection = api().post("/api/grants/" + rejected + "/rejection", Map.of("reason", "Maßnahme bereits begonnen"), MINISTRY);
        assertThat(rejection.status()).as(rejection.toString()).isEqualTo(204);
        assertThat(api().post("/api/grants/" + rejected + "/approval", Map.of("approvedAmount", "1000.00"), MINISTRY).status()).isEqualTo(409);
        assertThat(api().post("/api/grants/" + rejected + "/withdrawal", Map.of("reason", "zu spät"), KOELN).status()).isEqualTo(409);

        String withdrawn = api().post("/api/grants", grant(TODAY.getYear(), "1000.00"), KOELN).text("grantId");
        assertThat(api().post("/api/grants/" + withdrawn + "/withdrawal", Map.of("reason", "Maßnahme entfällt"), KOELN).status()).isEqualTo(204);
        assertThat(api().get("/api/grants/" + withdrawn, KOELN).json().path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(api().post("/api/grants/" + withdrawn + "/review", Map.of("recommendation", "APPROVE", "note", "x"), OFFICER).status()).isEqualTo(409);

        Response activityWithRejectedGrant = api().post("/api/volunteers/" + registerVolunteer() + "/activities",
                withGrant(activity(TODAY, 60, "OTHER"), rejected), KOELN);
        assertThat(activityWithRejectedGrant.status()).as("a referenced grant must be approved").isEqualTo(409);
    }

    @Test
    default void the_ministry_auditors_and_grant_officers_see_counts_and_hours_but_never_names_or_contacts() {
        String name = "Yusuf Demir-" + UUID.randomUUID().toString().substring(0, 8);
        String email = "yusuf." + UUID.randomUUID() + "@example.org";
        String volunteerId = api().post("/api/centres/05315/volunteers", volunteer(name, email), KOELN).text("volunteerId");
        api().post("/api/volunteers/" + volunteerId + "/activities", activity(TODAY, 45, "LANGUAGE_SUPPORT"), KOELN);

        Response overview = api().get("/api/ministry/overview?fundingYear=" + TODAY.getYear(), MINISTRY);
        assertThat(overview.status()).isEqualTo(200);
        JsonNode koeln = null;
        for (JsonNode c : overview.json().path("centres")) {
            if (c.path("centreId").asText().equals(KOELN_CENTRE)) {
                koeln = c;
            }
        }
        assertThat(koeln).isNotNull();
        assertThat(koeln.path("figures").path("activeVolunteers").asInt()).isPositive();
        assertThat(koeln.path("figures").path("minutes").asLong()).isGreaterThanOrEqualTo(45);
        assertThat(overview.json().path("regions")).hasSize(5);
        assertThat(overview.body()).doesNotContain(name, email);

        for (var role : new Api.Login[]{MINISTRY, AUDITOR, OFFICER, TestAccounts.ADMIN}) {
            assertThat(api().get("/api/volunteers/" + volunteerId, role).status()).as(role.username()).isEqualTo(403);
            assertThat(api().get("/api/centres/05315/volunteers", role).status()).as(role.username()).isEqualTo(403);
            assertThat(api().get("/api/centres/05315/activities", role).status()).as(role.username()).isEqualTo(403);
            assertThat(api().get("/api/centres/05315/dashboard", role).status()).as(role.username()).isEqualTo(403);
        }
    }

    @Test
    default void a_coordinator_can_neither_see_nor_change_another_centres_volunteers_activities_or_grants() {
        String volunteerId = registerVolunteer();
        String activityId = api().post("/api/volunteers/" + volunteerId + "/activities", activity(TODAY, 30, "OTHER"), KOELN).text("activityId");
        String grantId = api().post("/api/grants", grant(TODAY.getYear(), "500.00"), KOELN).text("grantId");
        long events = events();

        assertThat(api().get("/api/volunteers/" + volunteerId, DUESSELDORF).status()).isEqualTo(403);
        assertThat(api().get("/api/centres/05315/volunteers", DUESSELDORF).status()).isEqualTo(403);
        assertThat(api().get("/api/centres/05315/activities", DUESSELDORF).status()).isEqualTo(403);
        assertThat(api().get("/api/centres/05315/dashboard", DUESSELDORF).status()).isEqualTo(403);
        assertThat(api().post("/api/centres/05315/volunteers", volunteer("Fremd", "fremd." + UUID.randomUUID() + "@example.org"), DUESSELDORF).status()).isEqualTo(403);
        assertThat(api().put("/api/volunteers/" + volunteerId + "/profile", volunteer("Umbenannt", "x." + UUID.randomUUID() + "@example.org"), DUESSELDORF).status()).isEqualTo(403);
        assertThat(api().post("/api/volunteers/" + volunteerId + "/deactivation", Map.of(), DUESSELDORF).status()).isEqualTo(403);
        assertThat(api().post("/api/volunteers/" + volunteerId + "/activities", activity(TODAY, 30, "OTHER"), DUESSELDORF).status()).isEqualTo(403);
        assertThat(api().post("/api/volunteers/" + volunteerId + "/activities/" + activityId + "/withdrawal", Map.of("reason", "x"), DUESSELDORF).status()).isEqualTo(403);
        assertThat(api().get("/api/grants/" + grantId, DUESSELDORF).status()).isEqualTo(403);
        assertThat(api().get("/api/grants/" + grantId + "/history", DUESSELDORF).status()).isEqualTo(403);
        assertThat(api().get("/api/grants?centreId=05315", DUESSELDORF).status()).isEqualTo(403);
        assertThat(api().post("/api/grants/" + grantId + "/withdrawal", Map.of("reason", "x"), DUESSELDORF).status()).isEqualTo(403);
        Map<String, Object> foreignApplication = grant(TODAY.getYear(), "500.00");
        foreignApplication.put("centreId", "05315");
        assertThat(api().post("/api/grants", foreignApplication, DUESSELDORF).status()).isEqualTo(403);

        assertThat(events()).as("no refused request recorded anything").isEqualTo(events);
    }

    @Test
    default void an_email_address_belongs_to_one_active_volunteer_and_another_centre_is_told_nothing() {
        String email = "doppelt." + UUID.randomUUID() + "@example.org";
        String first = api().post("/api/centres/05315/volunteers", volunteer("Erste Person", email), KOELN).text("volunteerId");

        // within Köln: told (ADR 27)
        Response again = api().post("/api/centres/05315/volunteers", volunteer("Noch eine Person", email.toUpperCase()), KOELN);
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().path("detail").asText()).contains("E-Mail").contains("Ihrem Integrationszentrum");

        // Düsseldorf: accepted like a free address, but the claim stays with Köln's volunteer
        Response second = api().post("/api/centres/05111/volunteers", volunteer("Zweite Person", email.toUpperCase()), DUESSELDORF);
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        String secondId = second.text("volunteerId");
        assertThat(claims(first)).isEqualTo(1);
        assertThat(claims(secondId)).isZero();

        // Köln's volunteer deactivated: the held address takes the claim; reactivated, Köln's holds it in turn
        api().post("/api/volunteers/" + first + "/deactivation", Map.of(), KOELN);
        assertThat(claims(secondId)).isEqualTo(1);
        Response reactivation = api().post("/api/volunteers/" + first + "/reactivation", Map.of(), KOELN);
        assertThat(reactivation.status()).as("as if the address were free").isEqualTo(204);
        assertThat(claims(first)).isZero();
        assertThat(claims(secondId)).isEqualTo(1);
    }

    private int claims(String volunteerId) {
        return jdbc().queryForObject("select count(*) from active_email_claim where volunteer_id = ?", Integer.class, volunteerId);
    }

    @Test
    default void every_recorded_event_says_which_account_in_which_role_caused_it() {
        registerVolunteer();
        List<String> metaData = jdbc().query("select meta_data from domain_event_entry",
                (rs, i) -> new String(rs.getBytes(1), java.nio.charset.StandardCharsets.UTF_8));

        assertThat(metaData).isNotEmpty().allSatisfy(m -> assertThat(m).contains("\"actorAccount\"", "\"actorRole\""));
        assertThat(metaData).anySatisfy(m -> assertThat(m).contains("\"actorAccount\":\"" + KOELN.username() + "\"",
                "\"actorRole\":\"COORDINATOR\"", "\"actorCentre\":\"05315\""));
    }

    default String registerVolunteer() {
        Response r = api().post("/api/centres/05315/volunteers", volunteer("Lena Schmidt", "lena." + UUID.randomUUID() + "@example.org"), KOELN);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("volunteerId");
    }

    default long events() {
        return jdbc().queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private static Map<String, Object> withGrant(Map<String, Object> body, String grantId) {
        body.put("grantId", grantId);
        return body;
    }
}
