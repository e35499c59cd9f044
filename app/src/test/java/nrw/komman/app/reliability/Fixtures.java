package nrw.komman.app.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import nrw.komman.app.support.Api;
import nrw.komman.app.support.Api.Login;
import nrw.komman.app.support.Api.Response;
import nrw.komman.app.support.Budgets;
import nrw.komman.app.support.HelpRequests;
import nrw.komman.app.support.TestAccounts;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static nrw.komman.app.support.Requests.activity;
import static nrw.komman.app.support.Requests.grant;
import static nrw.komman.app.support.Requests.volunteer;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static nrw.komman.app.support.TestAccounts.KOELN_CENTRE;
import static nrw.komman.app.support.TestAccounts.MINISTRY;
import static nrw.komman.app.support.TestAccounts.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Köln's data that the reliability tests address (a volunteer with an activity, an applied and an approved grant,
 * a background report), the accounts of every caller, and a well-formed request for every operation: its path
 * with real ids, its query and a valid body. A coordinator of Düsseldorf is the foreign caller.
 */
final class Fixtures {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));
    static final int YEAR = TODAY.getYear();
    /** An account for the administrator's operations to disable, enable and give a new password. */
    static final Login VICTIM = new Login("opfer.zuverlaessigkeit", "Opfer-Passwort-2026-x");
    /** Another centre than Köln and Düsseldorf, for the ministry to close. */
    static final String CLOSABLE_CENTRE = "05166";
    /** A centre without a pending closure: its confirmation and withdrawal answer 409 to the ministry, never 403. */
    static final String OPEN_CENTRE = "05170";
    /** A notice id nobody has (issue 19): the inbox's operations answer an allowed caller 404. */
    static final String NOTICE = "0e9f1b2c-19a1-4b7e-8d3c-000000000019";

    final String volunteer;
    final String activity;
    final String erasableVolunteer;
    final String withdrawingVolunteer;
    final String appliedGrant;
    final String approvedGrant;
    final String job;
    /** Coordination (issue 18): a volunteer with a personal link, asked for a request; its token; a certificate of theirs. */
    final String linkedVolunteer;
    final String request;
    /** A request the matrix may cancel and close without taking the other one's assignment with it. */
    final String disposableRequest;
    final String assignment;
    final String token;
    final String certificate;
    /** The day of the requests: a Tuesday ahead, so asking and confirming are not refused as in the past. */
    static final LocalDate REQUEST_DAY = HelpRequests.next(DayOfWeek.TUESDAY, TODAY.plusDays(7));
    private final AtomicInteger unique = new AtomicInteger();

    private Fixtures(Api api) {
        TestAccounts.createAll(api);
        Response victim = api.post("/api/admin/accounts", Map.of("username", VICTIM.username(), "password", VICTIM.password(),
                "role", "AUDITOR"), TestAccounts.ADMIN);
        assertThat(victim.status()).as(victim.toString()).isIn(201, 409);
        volunteer = register(api, "Amal Haddad");
        erasableVolunteer = register(api, "Jonas Weber");
        withdrawingVolunteer = register(api, "Olena Kovalenko");
        Response logged = api.post("/api/volunteers/" + volunteer + "/activities", activity(TODAY, 90, "ACCOMPANIMENT"), KOELN);
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        activity = logged.text("activityId");
        Budgets.ensure(api, YEAR, "PART_II_A");
        appliedGrant = created(api.post("/api/grants", grant(YEAR, "10000.00"), KOELN), "grantId");
        approvedGrant = created(api.post("/api/grants", grant(YEAR, "20000.00"), KOELN), "grantId");
        ok(api.post("/api/grants/" + approvedGrant + "/review", Map.of("recommendation", "APPROVE", "note", "förderfähig"), OFFICER));
        ok(api.post("/api/grants/" + approvedGrant + "/approval", Map.of("approvedAmount", "15000.00"), MINISTRY));
        ok(api.post("/api/grants/" + approvedGrant + "/disbursements", Map.of("amount", "3000.00", "disbursedOn", TODAY.toString()), OFFICER));
        // coordination: the linked volunteer's token is never replaced by the matrix (it issues links for `volunteer`)
        linkedVolunteer = register(api, "Farid Ahmadi");
        // a certificate needs hours to confirm (certificate.no-activities)
        created(api.post("/api/volunteers/" + linkedVolunteer + "/activities", activity(TODAY, 60, "INTERPRETING"), KOELN),
                "activityId");
        request = created(api.post("/api/centres/" + KOELN_CENTRE + "/help-requests", helpRequest(2), KOELN), "requestId");
        disposableRequest = created(api.post("/api/centres/" + KOELN_CENTRE + "/help-requests", helpRequest(1), KOELN), "requestId");
        assignment = created(api.post("/api/help-requests/" + request + "/assignments", Map.of("volunteerId", linkedVolunteer), KOELN),
                "assignmentId");
        token = created(api.post("/api/volunteers/" + linkedVolunteer + "/link", Map.of(), KOELN), "token");
        certificate = created(api.post("/api/volunteers/" + linkedVolunteer + "/certificates", Map.of(), KOELN), "certificateId");
        Response job = api.post("/api/reports/annual/jobs", Map.of("fundingYear", YEAR, "centreId", KOELN_CENTRE), KOELN);
        assertThat(job.status()).as(job.toString()).isEqualTo(202);
        this.job = job.text("jobId");
        for (int i = 0; i < 300 && !api.get("/api/reports/annual/jobs/" + this.job, KOELN).text("status").equals("DONE"); i++) {
            sleep();
        }
    }

    static Fixtures create(Api api) {
        return new Fixtures(api);
    }

    static Login login(ApiRules.Who who) {
        return switch (who) {
            case ANONYMOUS -> null;
            case COORDINATOR_OWN_CENTRE -> KOELN;
            case COORDINATOR_FOREIGN_CENTRE -> TestAccounts.DUESSELDORF;
            case GRANT_OFFICER -> OFFICER;
            case MINISTRY -> MINISTRY;
            case AUDITOR -> TestAccounts.AUDITOR;
            case ADMINISTRATOR -> TestAccounts.ADMIN;
        };
    }

    /** The path of the operation with Köln's ids. */
    String path(ApiDescription.Operation op) {
        String path = op.path();
        for (String name : op.pathVariables()) {
            path = path.replace("{" + name + "}", value(op, name));
        }
        return path;
    }

    /** The value of a path variable for the operation; unknown names stay visible, so the request fails plainly. */
    String value(ApiDescription.Operation op, String name) {
        return switch (name) {
            case "centreId" -> op.key().equals("POST /api/centres/{centreId}/closure-proposal") ? CLOSABLE_CENTRE
                    : op.path().startsWith("/api/centres/{centreId}/closure-proposal/") ? OPEN_CENTRE : KOELN_CENTRE;
            case "volunteerId" -> op.path().endsWith("/erasure") ? erasableVolunteer
                    : op.path().endsWith("/consent-withdrawal") ? withdrawingVolunteer : volunteer;
            case "activityId" -> activity;
            case "grantId" -> op.path().endsWith("/fund-requests") || op.path().endsWith("/disbursements")
                    || op.path().endsWith("/amendments") || op.path().endsWith("/usage-report") || op.path().endsWith("/closure")
                    || op.path().endsWith("/repayments") || op.path().endsWith("/usage-report-due")
                    || op.path().endsWith("/spent") ? approvedGrant : appliedGrant;
            case "username" -> VICTIM.username();
            case "jobId" -> job;
            case "requestId" -> op.key().equals("POST /api/help-requests/{requestId}/cancellation")
                    || op.key().equals("POST /api/help-requests/{requestId}/closure") ? disposableRequest : request;
            case "assignmentId" -> assignment;
            case "token" -> token;
            case "certificateId" -> certificate;
            case "fundingYear" -> String.valueOf(YEAR);
            case "programmePart" -> "PART_II_A";
            case "format" -> "csv";
            case "tranche" -> "1"; // issue 19: the approved grant's one disbursed tranche
            // issue 19: no notice is in anyone's inbox here: an allowed caller gets 404, a denied one 401/403
            case "noticeId" -> NOTICE;
            case "recipient" -> KOELN.username();
            default -> "unbekannte-variable-" + name;
        };
    }

    /** The query string (with "?") that makes the operation address Köln; required parameters filled in. */
    String query(ApiDescription.Operation op) {
        Map<String, String> q = new LinkedHashMap<>();
        switch (op.key()) {
            case "GET /api/grants" -> q.put("centreId", KOELN_CENTRE);
            case "GET /api/centres/{centreId}/assignments" -> {
                q.put("from", TODAY.toString());
                q.put("to", TODAY.plusDays(60).toString());
            }
            case "GET /api/reports/annual", "GET /api/reports/annual.{format}" -> {
                q.put("fundingYear", String.valueOf(YEAR));
                q.put("centreId", KOELN_CENTRE);
            }
            default -> {
            }
        }
        for (ApiDescription.Parameter p : op.parameters()) {
            if (p.in().equals("query") && p.required() && !q.containsKey(p.name())) {
                String type = p.schema().path("type").asText();
                q.put(p.name(), type.equals("integer") ? String.valueOf(YEAR) : "x");
            }
        }
        StringBuilder sb = new StringBuilder();
        q.forEach((k, v) -> sb.append(sb.isEmpty() ? "?" : "&").append(k).append('=').append(v));
        return sb.toString();
    }

    /** A valid body for the operation (null: it takes none); fresh values where the body must be unique. */
    Map<String, Object> body(ApiDescription.Operation op, ApiDescription api) {
        if (!op.hasBody()) {
            return null;
        }
        int n = unique.incrementAndGet();
        String now = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        Map<String, Object> body = switch (op.key()) {
            case "POST /api/admin/accounts" -> map("username", "neu.konto." + n, "password", "Sicheres-Passwort-2026", "role", "AUDITOR");
            case "POST /api/admin/accounts/{username}/password" -> map("password", "Neues-Passwort-2026-" + n);
            case "PUT /api/admin/accounts/{username}/role" -> map("role", n % 2 == 0 ? "AUDITOR" : "GRANT_OFFICER");
            // a wrong current password (400): the callers keep theirs, and the refusal shows the rule let them in
            case "POST /api/me/password" -> map("currentPassword", "nicht-das-Passwort-" + n, "newPassword", "Neues-Passwort-2026-" + n);
            case "POST /api/centres" -> map("centreId", "05999", "name", "Testzentrum", "type", "Kreis");
            case "POST /api/centres/{centreId}/closure-proposal" -> map("reason", "Zusammenlegung");
            case "POST /api/centres/{centreId}/closure-proposal/confirmation" -> map("closedOn", TODAY.toString());
            case "POST /api/centres/{centreId}/closure-proposal/withdrawal" -> map("reason", "abgesagt");
            case "POST /api/grants/{grantId}/raise/approval" -> map("proposedAmount", "16000.00");
            // issue 19: the dates that matter
            case "POST /api/grants/{grantId}/usage-report-due" -> map("dueOn", LocalDate.of(YEAR + 1, 9, 30).toString(),
                    "reason", "Personalwechsel");
            case "PUT /api/programme-dates/{programmePart}" -> map("usageReportMonthsAfterYearEnd", 6, "reminderWeeksBefore", 4,
                    "reviewWithinWeeks", 6, "decisionWithinWeeks", 4, "reason", "wie bisher");
            case "POST /api/grants/{grantId}/raise/withdrawal" -> map("reason", "Mehrbedarf entfällt");
            case "POST /api/centres/{centreId}/volunteers" -> new LinkedHashMap<>(volunteer("Mina Rahimi",
                    "mina." + n + "." + UUID.randomUUID() + "@example.org"));
            case "PUT /api/volunteers/{volunteerId}/profile" -> map("name", "Amal Haddad", "email", "amal." + n + "@example.org",
                    "languages", List.of("ar", "de"), "interests", List.of("ACCOMPANIMENT"));
            case "POST /api/volunteers/{volunteerId}/activities" -> new LinkedHashMap<>(activity(TODAY, 30, "OTHER"));
            case "POST /api/volunteers/{volunteerId}/activities/{activityId}/correction" -> {
                Map<String, Object> b = new LinkedHashMap<>(activity(TODAY, 60, "OTHER"));
                b.put("reason", "Dauer falsch erfasst");
                yield b;
            }
            case "POST /api/volunteers/{volunteerId}/activities/{activityId}/withdrawal" -> map("reason", "doppelt erfasst");
            case "POST /api/volunteers/{volunteerId}/erasure" -> map("reason", "REQUEST");
            case "POST /api/volunteers/{volunteerId}/consent-withdrawal" -> map("withdrawnAt", now);
            case "POST /api/volunteers/{volunteerId}/email-consent" -> map("document", "Einwilligung Kontakt per E-Mail",
                    "version", "2026-" + n, "givenAt", now);
            case "POST /api/grants" -> {
                Map<String, Object> b = new LinkedHashMap<>(grant(YEAR, "1000.00"));
                b.put("centreId", KOELN_CENTRE);
                yield b;
            }
            case "POST /api/grants/{grantId}/review" -> map("recommendation", "APPROVE", "note", "förderfähig");
            case "POST /api/grants/{grantId}/approval" -> map("approvedAmount", "5000.00", "note", "gekürzt");
            case "POST /api/grants/{grantId}/rejection", "POST /api/grants/{grantId}/withdrawal" -> map("reason", "Doppelantrag");
            case "POST /api/grants/{grantId}/amendments" -> map("approvedAmount", "14000.00", "reason", "Kürzung");
            case "POST /api/grants/{grantId}/fund-requests" -> map("amount", "100.00", "purpose", "Honorare");
            case "POST /api/grants/{grantId}/disbursements" -> map("amount", "100.00", "disbursedOn", TODAY.toString());
            case "POST /api/grants/{grantId}/usage-report" -> map("amountSpent", "100.00", "report", "Bericht", "volunteersReached", 3);
            case "POST /api/grants/{grantId}/closure" -> map("checkNote", "geprüft");
            case "POST /api/grants/{grantId}/repayments" -> map("amount", "1.00", "receivedOn", TODAY.toString());
            case "PUT /api/budgets/{fundingYear}/{programmePart}" -> map("amount", Budgets.GENEROUS, "reason", "Haushaltsplan");
            case "PUT /api/budgets/{fundingYear}/{programmePart}/centres/{centreId}" -> map("amount", "100000.00");
            case "POST /api/reports/annual/jobs" -> map("fundingYear", YEAR, "centreId", KOELN_CENTRE);
            // coordination (issue 18)
            case "POST /api/centres/{centreId}/help-requests" -> helpRequest(1);
            case "POST /api/help-requests/{requestId}/cancellation" -> map("reason", "Termin entfällt");
            case "POST /api/help-requests/{requestId}/assignments" -> map("volunteerId", volunteer);
            case "POST /api/help-requests/{requestId}/offers" -> map("volunteerIds", List.of(volunteer));
            case "POST /api/help-requests/{requestId}/assignments/{assignmentId}/declination",
                 "POST /api/help-requests/{requestId}/assignments/{assignmentId}/cancellation",
                 "POST /api/link/{token}/assignments/{assignmentId}/declination" -> map("reason", "Termin passt nicht");
            case "POST /api/help-requests/{requestId}/assignments/{assignmentId}/replacement" ->
                    map("volunteerId", volunteer, "reason", "erkrankt");
            case "POST /api/help-requests/{requestId}/assignments/{assignmentId}/took-place" ->
                    map("day", REQUEST_DAY.toString(), "minutes", 60);
            case "POST /api/help-requests/{requestId}/assignments/{assignmentId}/no-show" -> map("day", REQUEST_DAY.toString());
            // issue 19: every account its own settings (no address, German, every kind as its default)
            case "PUT /api/notices/settings" -> map("email", "", "language", "de", "deliveries", List.of());
            case "PUT /api/volunteers/{volunteerId}/availability", "PUT /api/link/{token}/availability" ->
                    new LinkedHashMap<>(HelpRequests.availability("TUESDAY:MORNING", "THURSDAY:AFTERNOON"));
            default -> fromSchema(op.bodySchema(), api);
        };
        return body;
    }

    /** A request for Dari-speaking accompaniment on {@link #REQUEST_DAY}, 9:00 to 11:00. */
    private static Map<String, Object> helpRequest(int volunteersNeeded) {
        return new LinkedHashMap<>(HelpRequests.once(REQUEST_DAY, LocalTime.of(9, 0), LocalTime.of(11, 0), 90, List.of("prs"),
                volunteersNeeded));
    }

    /** A body for an operation this class does not know yet: a plausible value for every property of its schema. */
    private static Map<String, Object> fromSchema(JsonNode schema, ApiDescription api) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = api.resolve(schema).path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            body.put(p.getKey(), sampleValue(api.resolve(p.getValue()), api));
        }
        return body;
    }

    private static Object sampleValue(JsonNode s, ApiDescription api) {
        if (s.has("enum")) {
            return s.get("enum").get(0).asText();
        }
        return switch (s.path("type").asText()) {
            case "integer" -> 1;
            case "number" -> 1.0;
            case "boolean" -> true;
            case "array" -> List.of(sampleValue(api.resolve(s.path("items")), api));
            case "object" -> fromSchema(s, api);
            default -> switch (s.path("format").asText()) {
                case "date" -> TODAY.toString();
                case "date-time" -> Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
                case "uuid" -> UUID.randomUUID().toString();
                default -> "x";
            };
        };
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static String register(Api api, String name) {
        return created(api.post("/api/centres/" + KOELN_CENTRE + "/volunteers",
                volunteer(name, name.toLowerCase().replace(' ', '.') + "." + UUID.randomUUID() + "@example.org"), KOELN), "volunteerId");
    }

    private static String created(Response r, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode id = r.json().path(field);
        return id.asText();
    }

    private static void ok(Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
