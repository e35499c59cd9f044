package nrw.komman.app.journey;

import nrw.komman.app.support.Api;
import nrw.komman.app.support.Api.Login;
import nrw.komman.app.support.Budgets;
import nrw.komman.app.support.OnH2;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.LocalDate;
import java.time.ZoneId;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static nrw.komman.app.support.Requests.activity;
import static nrw.komman.app.support.Requests.grant;
import static nrw.komman.app.support.Requests.volunteer;
import static nrw.komman.app.support.TestAccounts.ADMIN;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static nrw.komman.app.support.TestAccounts.KOELN_CENTRE;
import static nrw.komman.app.support.TestAccounts.MINISTRY;
import static nrw.komman.app.support.TestAccounts.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loopholes of issue 16 over HTTP on the embedded default (ADR 26): closing a centre takes a second ministry
 * account, a closed centre refuses new volunteers, grants and money, and a raise of an approved amount takes a second
 * pair of eyes, with the budget checked when it is approved.
 */
class SecondPairOfEyesOnH2Test extends OnH2 {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));
    private static final int YEAR = TODAY.getYear();
    /** The raise's year: next year, whose budget no other test of this (shared) database uses, so Köln's share set here binds nobody else. */
    private static final int RAISE_YEAR = YEAR + 1;
    private static final String KLEVE = "05154";
    private static final Login SECOND_MINISTRY = new Login("ministerium.leitung", "Leitung-Passwort-2026");
    private static final Login KLEVE_COORDINATOR = new Login("kleve.koordination", "Kleve-Passwort-2026");

    @LocalServerPort
    int port;

    private Api api;

    @BeforeEach
    void accounts() {
        api = new Api(port);
        TestAccounts.createAll(api);
        create(SECOND_MINISTRY, "MINISTRY", null);
        create(KLEVE_COORDINATOR, "COORDINATOR", KLEVE);
        Budgets.ensure(api, YEAR, "PART_II_A");
        Budgets.ensure(api, RAISE_YEAR, "PART_II_A");
    }

    private void create(Login login, String role, String centre) {
        Map<String, Object> body = new HashMap<>(Map.of("username", login.username(), "password", login.password(), "role", role));
        if (centre != null) {
            body.put("centreId", centre);
        }
        assertThat(api.post("/api/admin/accounts", body, ADMIN).status()).isIn(201, 409);
    }

    private String registerInKleve(String name) {
        Api.Response r = api.post("/api/centres/" + KLEVE + "/volunteers",
                volunteer(name, "kleve." + UUID.randomUUID() + "@example.org"), KLEVE_COORDINATOR);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("volunteerId");
    }

    @Test
    void closing_a_centre_takes_a_second_ministry_account_and_then_the_centre_refuses_everything_new() {
        String volunteer = registerInKleve("Samir Aziz");
        String leaving = registerInKleve("Lena Brandt");
        assertThat(api.post("/api/volunteers/" + leaving + "/deactivation", Map.of(), KLEVE_COORDINATOR).status()).isEqualTo(204);

        // one account proposes: nothing closes, the register shows the proposal
        Api.Response proposed = api.post("/api/centres/" + KLEVE + "/closure-proposal",
                Map.of("closedOn", TODAY.toString(), "reason", "Zusammenlegung mit dem Kreis Wesel"), MINISTRY);
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(204);
        Api.Response centre = api.get("/api/centres/" + KLEVE, SECOND_MINISTRY);
        assertThat(centre.json().path("established").asBoolean()).isTrue();
        assertThat(centre.json().path("closedOn").isNull()).isTrue();
        assertThat(centre.json().path("pendingClosure").path("closedOn").asText()).isEqualTo(TODAY.toString());
        assertThat(centre.json().path("pendingClosure").path("proposedBy").asText()).isEqualTo(MINISTRY.username());
        registerInKleve("Noor Haddad"); // still open

        // the proposing account cannot confirm: 403 with a German reason, still open
        Api.Response own = api.post("/api/centres/" + KLEVE + "/closure-proposal/confirmation",
                Map.of("closedOn", TODAY.toString()), MINISTRY);
        assertThat(own.status()).as(own.toString()).isEqualTo(403);
        assertThat(own.json().path("detail").asText()).contains("Vier-Augen-Prinzip");
        assertThat(api.get("/api/centres/" + KLEVE, MINISTRY).json().path("established").asBoolean()).isTrue();

        // either account withdraws; a confirmation then has nothing to confirm
        assertThat(api.post("/api/centres/" + KLEVE + "/closure-proposal/withdrawal", Map.of("reason", "abgesagt"),
                SECOND_MINISTRY).status()).isEqualTo(204);
        assertThat(api.get("/api/centres/" + KLEVE, MINISTRY).json().path("pendingClosure").isNull()).isTrue();
        Api.Response nothing = api.post("/api/centres/" + KLEVE + "/closure-proposal/confirmation",
                Map.of("closedOn", TODAY.toString()), SECOND_MINISTRY);
        assertThat(nothing.status()).as(nothing.toString()).isEqualTo(409);

        // proposed again, confirmed by the other account: closed
        assertThat(api.post("/api/centres/" + KLEVE + "/closure-proposal",
                Map.of("closedOn", TODAY.toString(), "reason", "Zusammenlegung"), SECOND_MINISTRY).status()).isEqualTo(204);
        Api.Response confirmed = api.post("/api/centres/" + KLEVE + "/closure-proposal/confirmation",
                Map.of("closedOn", TODAY.toString()), MINISTRY);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(204);
        Api.Response closed = api.get("/api/centres/" + KLEVE, KLEVE_COORDINATOR);
        assertThat(closed.json().path("established").asBoolean()).isFalse();
        assertThat(closed.json().path("closedOn").asText()).isEqualTo(TODAY.toString());

        // rule 1: nothing new for a closed centre, each with a German 409
        Api.Response registration = api.post("/api/centres/" + KLEVE + "/volunteers",
                volunteer("Mina Rahimi", "kleve.spaet@example.org"), KLEVE_COORDINATOR);
        Api.Response activity = api.post("/api/volunteers/" + volunteer + "/activities",
                activity(TODAY, 60, "ACCOMPANIMENT"), KLEVE_COORDINATOR);
        Map<String, Object> application = new HashMap<>(grant(YEAR, "5000.00"));
        application.put("centreId", KLEVE);
        Api.Response applied = api.post("/api/grants", application, KLEVE_COORDINATOR);
        Api.Response reactivation = api.post("/api/volunteers/" + leaving + "/reactivation", Map.of(), KLEVE_COORDINATOR);
        Api.Response share = api.put("/api/budgets/" + YEAR + "/PART_II_A/centres/" + KLEVE, Map.of("amount", "10000.00"), MINISTRY);
        for (Api.Response refused : new Api.Response[]{registration, activity, applied, reactivation, share}) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.json().path("detail").asText()).contains("geschlossen");
        }
        // and a second confirmation finds it closed
        assertThat(api.post("/api/centres/" + KLEVE + "/closure-proposal/confirmation",
                Map.of("closedOn", TODAY.toString()), SECOND_MINISTRY).status()).isEqualTo(409);
    }

    @Test
    void a_raise_takes_a_second_ministry_account_and_the_budget_is_checked_when_it_is_approved() {
        Map<String, Object> application = new HashMap<>(grant(RAISE_YEAR, "20000.00"));
        application.put("centreId", KOELN_CENTRE);
        Api.Response applied = api.post("/api/grants", application, KOELN);
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        String grant = "/api/grants/" + applied.text("grantId");
        assertThat(api.post(grant + "/review", Map.of("recommendation", "APPROVE", "note", "förderfähig"), OFFICER).status()).isEqualTo(204);
        assertThat(api.post(grant + "/approval", Map.of("approvedAmount", "10000.00"), MINISTRY).status()).isEqualTo(204);

        // the raise is proposed (202) and changes nothing yet
        Api.Response raise = api.post(grant + "/amendments", Map.of("approvedAmount", "15000.00", "reason", "Mehrbedarf"), SECOND_MINISTRY);
        assertThat(raise.status()).as(raise.toString()).isEqualTo(202);
        assertThat(raise.text("outcome")).isEqualTo("RAISE_PROPOSED");
        assertThat(api.get(grant, MINISTRY).json().path("approvedAmount").asText()).isEqualTo("10000.00");

        // not by who proposed it
        Api.Response own = api.post(grant + "/raise/approval", Map.of("proposedAmount", "15000.00"), SECOND_MINISTRY);
        assertThat(own.status()).as(own.toString()).isEqualTo(403);
        assertThat(own.json().path("detail").asText()).contains("Vier-Augen-Prinzip");

        // the budget is checked at the approval: Köln's share leaves 2.000 € free, the raise needs 5.000 € (other tests
        // of this database may have approved grants of Köln too: the share is set above what is approved now)
        BigDecimal approvedForKoeln = BigDecimal.ZERO;
        for (var use : api.get("/api/budgets?fundingYear=" + RAISE_YEAR, MINISTRY).json().path("centres")) {
            if (use.path("centreId").asText().equals(KOELN_CENTRE) && use.path("programmePart").asText().equals("PART_II_A")) {
                approvedForKoeln = new BigDecimal(use.path("approved").asText());
            }
        }
        assertThat(approvedForKoeln).as("this grant's approval is counted").isGreaterThanOrEqualTo(new BigDecimal("10000.00"));
        Api.Response share = api.put("/api/budgets/" + RAISE_YEAR + "/PART_II_A/centres/" + KOELN_CENTRE,
                Map.of("amount", approvedForKoeln.add(new BigDecimal("2000.00")).toPlainString()), MINISTRY);
        assertThat(share.status()).as(share.toString()).isEqualTo(204);
        Api.Response beyond = api.post(grant + "/raise/approval", Map.of("proposedAmount", "15000.00"), MINISTRY);
        assertThat(beyond.status()).as(beyond.toString()).isEqualTo(409);
        assertThat(api.get(grant, MINISTRY).json().path("approvedAmount").asText()).isEqualTo("10000.00");

        assertThat(api.put("/api/budgets/" + RAISE_YEAR + "/PART_II_A/centres/" + KOELN_CENTRE,
                Map.of("amount", approvedForKoeln.add(new BigDecimal("10000.00")).toPlainString()), MINISTRY).status()).isEqualTo(204);
        Api.Response approved = api.post(grant + "/raise/approval", Map.of("proposedAmount", "15000.00"), MINISTRY);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(204);
        assertThat(api.get(grant, KOELN).json().path("approvedAmount").asText()).isEqualTo("15000.00");

        // lowering works as before, at once (204); a withdrawn raise leaves the amount alone
        assertThat(api.post(grant + "/amendments", Map.of("approvedAmount", "14000.00", "reason", "Kürzung"), MINISTRY).status())
                .isEqualTo(204);
        assertThat(api.post(grant + "/amendments", Map.of("approvedAmount", "16000.00", "reason", "Mehrbedarf"), MINISTRY).status())
                .isEqualTo(202);
        assertThat(api.post(grant + "/raise/withdrawal", Map.of("reason", "entfällt"), MINISTRY).status()).isEqualTo(204);
        assertThat(api.get(grant, KOELN).json().path("approvedAmount").asText()).isEqualTo("14000.00");
        assertThat(api.get(grant + "/history", MINISTRY).body()).contains("Erhöhung vorgeschlagen", "zurückgezogen");
    }
}
