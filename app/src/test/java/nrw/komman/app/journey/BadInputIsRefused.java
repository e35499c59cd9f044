package nrw.komman.app.journey;

import nrw.komman.app.support.Api;
import nrw.komman.app.support.Api.Login;
import nrw.komman.app.support.Api.Response;
import nrw.komman.app.support.Budgets;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static nrw.komman.app.support.Requests.activity;
import static nrw.komman.app.support.Requests.grant;
import static nrw.komman.app.support.Requests.volunteer;
import static nrw.komman.app.support.Requests.with;
import static nrw.komman.app.support.TestAccounts.DUESSELDORF;
import static nrw.komman.app.support.TestAccounts.AUDITOR;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static nrw.komman.app.support.TestAccounts.MINISTRY;
import static nrw.komman.app.support.TestAccounts.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input of every kind gets a 4xx problem response a person can read, and changes nothing:
 * the event store holds exactly the events it held before. No request produces a 500.
 */
public interface BadInputIsRefused {

    Api api();

    JdbcTemplate jdbc();

    @BeforeEach
    default void accounts() {
        TestAccounts.createAll(api());
    }

    @Test
    default void every_bad_request_gets_a_readable_4xx_problem_and_records_nothing() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        Response registered = api().post("/api/centres/05315/volunteers",
                volunteer("Mariam Ali", "mariam." + UUID.randomUUID() + "@example.org"), KOELN);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String v = registered.text("volunteerId");
        String grantId = api().post("/api/grants", grant(today.getYear(), "10000.00"), KOELN).text("grantId");
        api().post("/api/grants/" + grantId + "/review", Map.of("recommendation", "APPROVE", "note", "ok"), OFFICER);
        // an approved grant with 3.000 € of its 8.000 € disbursed, and a reviewed one beyond a small budget
        Budgets.ensure(api(), today.getYear(), "PART_II_A");
        String approved = api().post("/api/grants", grant(today.getYear(), "10000.00"), KOELN).text("grantId");
        api().post("/api/grants/" + approved + "/review", Map.of("recommendation", "APPROVE", "note", "ok"), OFFICER);
        assertThat(api().post("/api/grants/" + approved + "/approval", Map.of("approvedAmount", "8000.00"), MINISTRY).status()).isEqualTo(204);
        assertThat(api().post("/api/grants/" + approved + "/disbursements",
                Map.of("amount", "3000.00", "disbursedOn", today.toString()), OFFICER).status()).isEqualTo(204);
        String approvedPath = "/api/grants/" + approved;
        assertThat(api().put("/api/budgets/" + today.getYear() + "/PART_II_B", Map.of("amount", "5000.00"), MINISTRY).status()).isEqualTo(204);
        String beyondBudget = api().post("/api/grants", with(grant(today.getYear(), "10000.00"), "programmePart", "PART_II_B"), KOELN).text("grantId");
        api().post("/api/grants/" + beyondBudget + "/review", Map.of("recommendation", "APPROVE", "note", "ok"), OFFICER);
        String fresh = "neu." + UUID.randomUUID() + "@example.org";
        String activities = "/api/volunteers/" + v + "/activities";

        List<Case> cases = new ArrayList<>();
        // volunteers
        cases.add(new Case("missing name", 400, () -> api().post("/api/centres/05315/volunteers", with(volunteer("x", fresh), "name", null), KOELN)));
        cases.add(new Case("no contact at all", 400, () -> api().post("/api/centres/05315/volunteers",
                with(with(volunteer("Ohne Kontakt", fresh), "email", null), "phone", null), KOELN)));
        cases.add(new Case("malformed e-mail", 400, () -> api().post("/api/centres/05315/volunteers", volunteer("A B", "kein-at-zeichen"), KOELN)));
        cases.add(new Case("unknown language code", 400, () -> api().post("/api/centres/05315/volunteers",
                with(volunteer("A B", fresh), "languages", List.of("klingonisch")), KOELN)));
        cases.add(new Case("unknown interest", 400, () -> api().post("/api/centres/05315/volunteers",
                with(volunteer("A B", fresh), "interests", List.of("ASTRONAUT")), KOELN)));
        cases.add(new Case("oversized name", 400, () -> api().post("/api/centres/05315/volunteers", volunteer("x".repeat(5000), fresh), KOELN)));
        cases.add(new Case("missing consent", 400, () -> api().post("/api/centres/05315/volunteers", with(volunteer("A B", fresh), "consent", null), KOELN)));
        cases.add(new Case("registration in the future", 400, 409, () -> api().post("/api/centres/05315/volunteers",
                with(volunteer("A B", fresh), "registeredOn", today.plusDays(3).toString()), KOELN)));
        cases.add(new Case("malformed centre key", 400, () -> api().post("/api/centres/abc/volunteers", volunteer("A B", fresh), KOELN)));
        cases.add(new Case("another centre's key", 403, () -> api().post("/api/centres/05111/volunteers", volunteer("A B", fresh), KOELN)));
        cases.add(new Case("malformed JSON", 400, () -> api().raw("POST", "/api/centres/05315/volunteers", "application/json", "{\"name\": \"A", KOELN)));
        cases.add(new Case("a JSON array instead of an object", 400, () -> api().raw("POST", "/api/centres/05315/volunteers", "application/json", "[1,2]", KOELN)));
        cases.add(new Case("not JSON at all", 415, () -> api().raw("POST", "/api/centres/05315/volunteers", "text/plain", "hello", KOELN)));
        cases.add(new Case("a huge body", 413, 400, () -> api().raw("POST", "/api/centres/05315/volunteers", "application/json",
                "{\"name\":\"" + "x".repeat(300_000) + "\"}", KOELN)));
        cases.add(new Case("unknown volunteer", 404, () -> api().get("/api/volunteers/" + UUID.randomUUID(), KOELN)));
        cases.add(new Case("malformed volunteer id", 400, () -> api().get("/api/volunteers/not-a-uuid", KOELN)));
        // activities
        cases.add(new Case("a 25-hour activity", 400, () -> api().post(activities, activity(today, 25 * 60, "OTHER"), KOELN)));
        cases.add(new Case("a zero-minute activity", 400, () -> api().post(activities, activity(today, 0, "OTHER"), KOELN)));
        cases.add(new Case("negative minutes", 400, () -> api().post(activities, activity(today, -30, "OTHER"), KOELN)));
        cases.add(new Case("minutes as text", 400, () -> api().post(activities, with(activity(today, 30, "OTHER"), "minutes", "viel"), KOELN)));
        cases.add(new Case("fractional minutes", 400, () -> api().post(activities, with(activity(today, 30, "OTHER"), "minutes", 90.5), KOELN)));
        cases.add(new Case("an activity in the future", 400, 409, () -> api().post(activities, activity(today.plusDays(1), 30, "OTHER"), KOELN)));
        cases.add(new Case("an activity before the registration", 400, 409, () -> api().post(activities, activity(LocalDate.of(2024, 12, 31), 30, "OTHER"), KOELN)));
        // a missing date is an error, never today (issue 17)
        cases.add(new Case("an activity without a date", 400, () -> api().post(activities, with(activity(today, 30, "OTHER"), "date", null), KOELN)));
        cases.add(new Case("a malformed date", 400, () -> api().post(activities, with(activity(today, 30, "OTHER"), "date", "31.12.2025"), KOELN)));
        cases.add(new Case("an unknown category", 400, () -> api().post(activities, activity(today, 30, "ZAUBEREI"), KOELN)));
        cases.add(new Case("an oversized note", 400, () -> api().post(activities, with(activity(today, 30, "OTHER"), "note", "n".repeat(501)), KOELN)));
        cases.add(new Case("an activity for an unknown volunteer", 404, () -> api().post("/api/volunteers/" + UUID.randomUUID() + "/activities", activity(today, 30, "OTHER"), KOELN)));
        cases.add(new Case("an activity on a grant not yet approved", 409, () -> api().post(activities, with(activity(today, 30, "OTHER"), "grantId", grantId), KOELN)));
        cases.add(new Case("an activity on an unknown grant", 404, 409, () -> api().post(activities, with(activity(today, 30, "OTHER"), "grantId", UUID.randomUUID().toString()), KOELN)));
        cases.add(new Case("correcting an unknown activity", 404, () -> api().post(activities + "/" + UUID.randomUUID() + "/correction",
                with(activity(today, 30, "OTHER"), "reason", "x"), KOELN)));
        cases.add(new Case("a dashboard day beyond any calendar", 400, () -> api().get("/api/centres/05315/dashboard?asOf=%2B10000000-01-01", KOELN)));
        cases.add(new Case("a dashboard day before the Common Era", 400, () -> api().get("/api/centres/05315/dashboard?asOf=-5000-01-01", KOELN)));
        cases.add(new Case("an annual report as of a day beyond any calendar", 400, () -> api().get("/api/reports/annual?fundingYear=" + today.getYear() + "&asOf=%2B10000000-01-01", KOELN)));
        cases.add(new Case("a log period beyond any calendar", 400, () -> api().get("/api/centres/05315/activities?from=%2B10000000-01-01", KOELN)));
        // grants
        cases.add(new Case("a negative amount", 400, () -> api().post("/api/grants", grant(today.getYear(), "-5.00"), KOELN)));
        cases.add(new Case("an amount that is not a number", 400, () -> api().post("/api/grants", grant(today.getYear(), "viel Geld"), KOELN)));
        cases.add(new Case("an absurd amount", 400, () -> api().post("/api/grants", grant(today.getYear(), "99999999999.00"), KOELN)));
        cases.add(new Case("an amount with fractions of a cent", 400, () -> api().post("/api/grants", grant(today.getYear(), "10.001"), KOELN)));
        cases.add(new Case("a funding year that has ended", 409, () -> api().post("/api/grants", grant(today.getYear() - 1, "100.00"), KOELN)));
        cases.add(new Case("a funding year before the programme", 400, () -> api().post("/api/grants", grant(1999, "100.00"), KOELN)));
        cases.add(new Case("an unknown programme part", 400, () -> api().post("/api/grants", with(grant(today.getYear(), "100.00"), "programmePart", "TEIL_IV"), KOELN)));
        cases.add(new Case("a missing title", 400, () -> api().post("/api/grants", with(grant(today.getYear(), "100.00"), "title", null), KOELN)));
        cases.add(new Case("approving more than requested", 409, () -> api().post("/api/grants/" + grantId + "/approval", Map.of("approvedAmount", "10000.01"), MINISTRY)));
        cases.add(new Case("rejecting without a reason", 400, () -> api().post("/api/grants/" + grantId + "/rejection", Map.of(), MINISTRY)));
        cases.add(new Case("a coordinator approving", 403, () -> api().post("/api/grants/" + grantId + "/approval", Map.of("approvedAmount", "1.00"), KOELN)));
        cases.add(new Case("an unknown grant", 404, () -> api().get("/api/grants/" + UUID.randomUUID(), MINISTRY)));
        cases.add(new Case("a review with an unknown recommendation", 400, () -> api().post("/api/grants/" + grantId + "/review",
                Map.of("recommendation", "VIELLEICHT", "note", "x"), OFFICER)));
        cases.add(new Case("a recommendation given as its number", 400, () -> api().post("/api/grants/" + grantId + "/review",
                Map.of("recommendation", "1", "note", "x"), OFFICER)));
        cases.add(new Case("a recommendation given as a JSON number", 400, () -> api().raw("POST", "/api/grants/" + grantId + "/review",
                "application/json", "{\"recommendation\": 0, \"note\": \"x\"}", OFFICER)));
        cases.add(new Case("content after the JSON object", 400, () -> api().raw("POST", "/api/grants/" + grantId + "/review",
                "application/json", "{\"recommendation\": \"APPROVE\", \"note\": \"x\"}}", OFFICER)));
        // the grant's life after approval, and budgets
        cases.add(new Case("approving beyond the budget", 409, () -> api().post("/api/grants/" + beyondBudget + "/approval", Map.of("approvedAmount", "6000.00"), MINISTRY)));
        cases.add(new Case("an amendment below what was disbursed", 409, () -> api().post(approvedPath + "/amendments", Map.of("approvedAmount", "2999.99", "reason", "Kürzung"), MINISTRY)));
        cases.add(new Case("an amendment without a reason", 400, () -> api().post(approvedPath + "/amendments", Map.of("approvedAmount", "7000.00"), MINISTRY)));
        cases.add(new Case("an amendment by the grant authority", 403, () -> api().post(approvedPath + "/amendments", Map.of("approvedAmount", "7000.00", "reason", "x"), OFFICER)));
        cases.add(new Case("a disbursement above the approved amount", 409, () -> api().post(approvedPath + "/disbursements", Map.of("amount", "5000.01", "disbursedOn", today.toString()), OFFICER)));
        cases.add(new Case("a disbursement dated in the future", 409, () -> api().post(approvedPath + "/disbursements", Map.of("amount", "1.00", "disbursedOn", today.plusDays(1).toString()), OFFICER)));
        cases.add(new Case("a disbursement with a German date", 400, () -> api().post(approvedPath + "/disbursements", Map.of("amount", "1.00", "disbursedOn", "24.12.2026"), OFFICER)));
        cases.add(new Case("a disbursement without an amount", 400, () -> api().post(approvedPath + "/disbursements", Map.of("disbursedOn", today.toString()), OFFICER)));
        cases.add(new Case("a coordinator disbursing", 403, () -> api().post(approvedPath + "/disbursements", Map.of("amount", "1.00", "disbursedOn", today.toString()), KOELN)));
        cases.add(new Case("drawing more than is available", 409, () -> api().post(approvedPath + "/fund-requests", Map.of("amount", "5000.01", "purpose", "Honorare"), KOELN)));
        cases.add(new Case("another centre drawing funds", 403, () -> api().post(approvedPath + "/fund-requests", Map.of("amount", "1.00", "purpose", "Honorare"), DUESSELDORF)));
        cases.add(new Case("a usage report spending more than disbursed", 409, () -> api().post(approvedPath + "/usage-report",
                Map.of("amountSpent", "3000.01", "report", "Bericht", "volunteersReached", 12), KOELN)));
        cases.add(new Case("a usage report with volunteers as text", 400, () -> api().post(approvedPath + "/usage-report",
                Map.of("amountSpent", "100.00", "report", "Bericht", "volunteersReached", "zwölf"), KOELN)));
        cases.add(new Case("a usage report with negative volunteers", 400, () -> api().post(approvedPath + "/usage-report",
                Map.of("amountSpent", "100.00", "report", "Bericht", "volunteersReached", -1), KOELN)));
        cases.add(new Case("closing without a check note (the reason of a repayment demand)", 400, () -> api().post(approvedPath + "/closure", Map.of(), OFFICER)));
        cases.add(new Case("closing before the usage report", 409, () -> api().post(approvedPath + "/closure", Map.of("checkNote", "geprüft"), OFFICER)));
        cases.add(new Case("a repayment on an open grant", 409, () -> api().post(approvedPath + "/repayments", Map.of("amount", "1.00", "receivedOn", today.toString()), OFFICER)));
        cases.add(new Case("a budget below what is approved", 409, () -> api().put("/api/budgets/" + today.getYear() + "/PART_II_A", Map.of("amount", "1.00"), MINISTRY)));
        cases.add(new Case("a budget for an unknown programme part", 400, () -> api().put("/api/budgets/" + today.getYear() + "/TEIL_IV", Map.of("amount", "1.00"), MINISTRY)));
        cases.add(new Case("a budget for a year that is no number", 400, () -> api().put("/api/budgets/zwanzig/PART_I", Map.of("amount", "1.00"), MINISTRY)));
        cases.add(new Case("a budget set by a coordinator", 403, () -> api().put("/api/budgets/" + today.getYear() + "/PART_I", Map.of("amount", "1.00"), KOELN)));
        cases.add(new Case("a share for a centre that does not exist", 404, () -> api().put("/api/budgets/" + today.getYear() + "/PART_II_A/centres/05999", Map.of("amount", "1000.00"), MINISTRY)));
        cases.add(new Case("a share for a malformed centre key", 400, () -> api().put("/api/budgets/" + today.getYear() + "/PART_II_A/centres/12345", Map.of("amount", "1000.00"), MINISTRY)));
        cases.add(new Case("the budget overview for a coordinator", 403, () -> api().get("/api/budgets?fundingYear=" + today.getYear(), KOELN)));
        cases.add(new Case("the audit chain with a malformed head", 400, () -> api().get(approvedPath + "/audit-chain?expectedHead=abc&expectedLength=2", AUDITOR)));
        cases.add(new Case("another centre's audit chain", 403, () -> api().get(approvedPath + "/audit-chain", DUESSELDORF)));
        cases.add(new Case("another centre's export", 403, () -> api().get(approvedPath + "/history.pdf", DUESSELDORF)));
        cases.add(new Case("the audit chain of an unknown grant", 404, () -> api().get("/api/grants/" + UUID.randomUUID() + "/audit-chain", AUDITOR)));
        // credentials
        cases.add(new Case("no credentials", 401, () -> api().get("/api/centres", null)));
        cases.add(new Case("a wrong password", 401, () -> api().get("/api/centres", new Login(KOELN.username(), "falsch-falsch-falsch"))));
        cases.add(new Case("an unknown route", 404, () -> api().get("/api/nirgendwo", KOELN)));

        long before = jdbc().queryForObject("select count(*) from domain_event_entry", Long.class);
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            Response r = c.request().get();
            boolean expected = r.status() == c.status() || r.status() == c.alternative();
            boolean readable = r.status() == 401 || (r.contentType().startsWith("application/problem+json")
                    && !r.json().path("detail").asText().isBlank());
            boolean leaks = r.body().contains("Exception") || r.body().contains("\tat ") || r.body().contains("org.springframework");
            if (!expected || !readable || leaks) {
                failures.add(c.name() + " → " + r);
            }
        }
        assertThat(failures).as("requests answered wrongly").isEmpty();
        long after = jdbc().queryForObject("select count(*) from domain_event_entry", Long.class);
        assertThat(after).as("refused requests recorded nothing").isEqualTo(before);
    }

    record Case(String name, int status, int alternative, Supplier<Response> request) {
        Case(String name, int status, Supplier<Response> request) {
            this(name, status, status, request);
        }
    }
}
