package nrw.komman.web.grant;

import nrw.komman.kernel.admin.AwaitReadModelsQuery;
import nrw.komman.kernel.audit.ChainVerification;
import nrw.komman.kernel.audit.VerifyGrantChainQuery;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.CentreView;
import nrw.komman.kernel.centre.FindCentreQuery;
import nrw.komman.kernel.centre.FindCentresQuery;
import nrw.komman.kernel.centre.Regierungsbezirk;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.grant.AmendGrantCommand;
import nrw.komman.kernel.grant.ApproveGrantCommand;
import nrw.komman.kernel.grant.ApproveGrantRaiseCommand;
import nrw.komman.kernel.grant.WithdrawGrantRaiseCommand;
import nrw.komman.kernel.grant.CloseGrantCommand;
import nrw.komman.kernel.grant.DisburseTrancheCommand;
import nrw.komman.kernel.grant.FetchGrantHistoryQuery;
import nrw.komman.kernel.grant.FindGrantQuery;
import nrw.komman.kernel.grant.FindGrantsQuery;
import nrw.komman.kernel.grant.GrantHistory;
import nrw.komman.kernel.grant.GrantHistoryEntry;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.GrantStatus;
import nrw.komman.kernel.grant.GrantView;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.kernel.grant.RecordRepaymentCommand;
import nrw.komman.kernel.grant.Recommendation;
import nrw.komman.kernel.grant.RequestFundsCommand;
import nrw.komman.kernel.grant.SubmitUsageReportCommand;
import nrw.komman.web.WebTestApplication;
import nrw.komman.web.account.AccountPrincipal;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The pages of a grant's life after the approval, with mocked gateways: which role sees which action
 * in which status and may open which address, CSRF, German amounts, the command side's refusals on the
 * forms, the usage report's confirmation step, the closing with its repayment demand, the grant
 * authority's worklist, the chain verification box and the history downloads.
 */
@SpringBootTest(classes = WebTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:web-ui-grant-lifecycle;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.flyway.locations=classpath:db/migration/common",
        "komman.admin.password=Betrieb-Passwort-2025"})
@AutoConfigureMockMvc
class GrantLifecyclePagesTest {

    private static final CentreId KOELN = new CentreId("05315");
    private static final CentreId DUESSELDORF = new CentreId("05111");
    private static final int YEAR = LocalDate.now(ZoneId.of("Europe/Berlin")).getYear();
    private static final GrantId APPROVED = GrantId.random();
    private static final GrantId REVIEWED = GrantId.random();
    private static final GrantId REPORTED = GrantId.random();
    private static final GrantId CLOSED = GrantId.random();
    private static final GrantId FOREIGN = GrantId.random();
    private static final String HEAD = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    private CommandGateway commandGateway;
    @MockitoBean
    private QueryGateway queryGateway;

    private final Map<GrantId, GrantView> grants = new ConcurrentHashMap<>();
    private volatile ChainVerification brokenChain;

    private static Money euros(long euros) {
        return Money.ofCents(euros * 100);
    }

    /** A grant of Köln (or Düsseldorf), 12.000 € requested, with the money of its life. */
    private static GrantView grant(GrantId id, CentreId centre, GrantStatus status, Money approved, Money disbursed,
                                   Money fundsRequested, Money spent, Money demanded, Money repaid, String nextStep) {
        boolean reported = spent != null;
        boolean closed = status == GrantStatus.CLOSED;
        return new GrantView(id, centre, centre.equals(KOELN) ? "Köln" : "Düsseldorf", centre.equals(KOELN)
                ? Regierungsbezirk.KOELN : Regierungsbezirk.DUESSELDORF, YEAR, ProgrammePart.PART_II_A, "Ankommenstreffpunkt Kalk",
                "Wöchentliches Begegnungscafé", status, euros(12_000), approved, Recommendation.APPROVE, "Förderfähig",
                approved == null ? null : "Wie empfohlen", LocalDate.of(YEAR, 1, 10), "koordination.koeln", "bezreg",
                approved == null ? null : "ministerium", approved == null ? null : LocalDate.of(YEAR, 1, 20), nextStep,
                disbursed, fundsRequested, spent, reported ? 42 : null,
                reported ? "Das Café fand 40-mal statt.\nZwei Termine fielen aus." : null,
                reported ? LocalDate.of(YEAR, 1, 25) : null, closed ? "Nachweis schlüssig; Restmittel zurückgefordert." : null,
                closed ? LocalDate.of(YEAR, 1, 28) : null, demanded, repaid);
    }

    private static GrantHistory history(GrantId id) {
        return new GrantHistory(id, KOELN, List.of(
                new GrantHistoryEntry(0, "APPLIED", Instant.parse("2026-01-10T09:00:00Z"), "koordination.koeln",
                        AccountRole.COORDINATOR, null, GrantStatus.APPLIED, null, null, euros(12_000), null),
                new GrantHistoryEntry(3, "DISBURSED", Instant.parse("2026-01-22T10:15:00Z"), "bezreg", AccountRole.GRANT_OFFICER,
                        GrantStatus.APPROVED, GrantStatus.APPROVED, euros(10_000), euros(10_000), euros(4_000), null,
                        Money.ZERO, euros(4_000))));
    }

    private static ChainVerification intact(GrantId id) {
        return new ChainVerification(id, true, 5, HEAD, null, List.of(), Instant.parse("2026-01-30T08:00:00Z"));
    }

    @BeforeEach
    void setUp() {
        grants.clear();
        brokenChain = null;
        grants.put(APPROVED, grant(APPROVED, KOELN, GrantStatus.APPROVED, euros(10_000), euros(4_000), euros(2_000), null, null, null,
                "DISBURSEMENT"));
        grants.put(REVIEWED, grant(REVIEWED, KOELN, GrantStatus.REVIEWED, null, Money.ZERO, Money.ZERO, null, null, null,
                "DECISION"));
        grants.put(REPORTED, grant(REPORTED, KOELN, GrantStatus.USAGE_REPORTED, euros(10_000), euros(9_000), Money.ZERO,
                Money.ofCents(825_000), null, null, "REPORT_CHECK"));
        grants.put(CLOSED, grant(CLOSED, KOELN, GrantStatus.CLOSED, euros(10_000), euros(9_000), Money.ZERO,
                Money.ofCents(825_000), euros(750), euros(250), "REPAYMENT"));
        grants.put(FOREIGN, grant(FOREIGN, DUESSELDORF, GrantStatus.APPROVED, euros(10_000), Money.ZERO, Money.ZERO, null, null, null,
                "REQUEST_FUNDS"));

        doReturn(CompletableFuture.completedFuture(null)).when(commandGateway).send(any());
        doReturn(CompletableFuture.completedFuture(true)).when(queryGateway)
                .query(any(AwaitReadModelsQuery.class), any(ResponseType.class));
        CentreView koeln = new CentreView(KOELN, "Köln", "Kreisfreie Stadt", Regierungsbezirk.KOELN, true, LocalDate.of(2013, 1, 1), null);
        doReturn(CompletableFuture.completedFuture(koeln)).when(queryGateway).query(any(FindCentreQuery.class), any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(List.of(koeln))).when(queryGateway)
                .query(any(FindCentresQuery.class), any(ResponseType.class));
        doAnswer(inv -> CompletableFuture.completedFuture(grants.get(((FindGrantQuery) inv.getArgument(0)).grantId())))
                .when(queryGateway).query(any(FindGrantQuery.class), any(ResponseType.class));
        doAnswer(inv -> CompletableFuture.completedFuture(history(((FetchGrantHistoryQuery) inv.getArgument(0)).grantId())))
                .when(queryGateway).query(any(FetchGrantHistoryQuery.class), any(ResponseType.class));
        doAnswer(inv -> {
            GrantId id = ((VerifyGrantChainQuery) inv.getArgument(0)).grantId();
            return CompletableFuture.completedFuture(brokenChain != null ? brokenChain : intact(id));
        }).when(queryGateway).query(any(VerifyGrantChainQuery.class), any(ResponseType.class));
        doAnswer(inv -> {
            GrantStatus status = ((FindGrantsQuery) inv.getArgument(0)).status();
            return CompletableFuture.completedFuture(grants.values().stream().filter(g -> status == null || g.status() == status).toList());
        }).when(queryGateway).query(any(FindGrantsQuery.class), any(ResponseType.class));
        // the decision form reads the programme's dates (issue 19); none set: the defaults
        doReturn(CompletableFuture.completedFuture(null)).when(queryGateway)
                .query(any(nrw.komman.kernel.grant.FetchProgrammeDatesQuery.class), any(ResponseType.class));
    }

    private static RequestPostProcessor as(AccountRole role) {
        return user(new AccountPrincipal(role.name().toLowerCase(), null, role, role == AccountRole.COORDINATOR ? KOELN : null, true));
    }

    private static RequestPostProcessor duesseldorf() {
        return user(new AccountPrincipal("koordination.duesseldorf", null, AccountRole.COORDINATOR, DUESSELDORF, true));
    }

    private String page(String path, AccountRole role) throws Exception {
        return mvc.perform(get(path).with(as(role))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    // ---- the grant page ----------------------------------------------------------------------------

    @Test
    void the_grant_page_shows_the_money_of_the_grants_life_the_next_step_and_the_disbursements_in_the_history() throws Exception {
        String html = page("/zuwendungen/" + APPROVED, AccountRole.AUDITOR);
        assertThat(html).contains("<dt>Ausgezahlt</dt><dd>4.000,00\u00A0€</dd>",
                "<dt>Abgerufen, noch nicht ausgezahlt</dt><dd>2.000,00\u00A0€</dd>",
                "<dt>Verausgabt laut Verwendungsnachweis</dt><dd>—</dd>", "<dt>Rückforderung</dt><dd>—</dd>",
                "<dt>Zurückgezahlt</dt><dd>0,00\u00A0€</dd>", "<dt>Rückforderung noch offen</dt><dd>0,00\u00A0€</dd>",
                "<dt>Nächster Schritt</dt><dd>Auszahlung durch die Bezirksregierung</dd>",
                "<span>Auszahlung</span>", "<dt>Ausgezahlt insgesamt</dt>", "0,00\u00A0€ → 4.000,00\u00A0€");
        assertThat(html).as("the auditor changes nothing").doesNotContain("class=\"actions\"");

        String closed = page("/zuwendungen/" + CLOSED, AccountRole.AUDITOR);
        assertThat(closed).contains("<dt>Rückforderung</dt><dd>750,00\u00A0€</dd>", "<dt>Zurückgezahlt</dt><dd>250,00\u00A0€</dd>",
                "<dt>Rückforderung noch offen</dt><dd>500,00\u00A0€</dd>", "Rückzahlung von 500,00\u00A0€",
                "<h2 id=\"nachweis\">Verwendungsnachweis</h2>", "Das Café fand 40-mal statt.", "<dd>42</dd>",
                "Nachweis schlüssig; Restmittel zurückgefordert.", "Abgeschlossen");
    }

    @Test
    void the_api_words_the_read_models_codes_in_german_as_it_always_has() throws Exception {
        String grant = mvc.perform(get("/api/grants/" + CLOSED).with(as(AccountRole.AUDITOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(grant).contains("\"nextStep\":\"Rückzahlung von 500,00 €\"");
        String list = mvc.perform(get("/api/grants").with(as(AccountRole.AUDITOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("\"nextStep\":\"Auszahlung durch die Bezirksregierung\"",
                "\"nextStep\":\"Entscheidung des Ministeriums\"", "\"nextStep\":\"Prüfung des Verwendungsnachweises\"")
                .doesNotContain("REPAYMENT", "DISBURSEMENT", "REPORT_CHECK");
        String history = mvc.perform(get("/api/grants/" + APPROVED + "/history").with(as(AccountRole.AUDITOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(history).contains("\"fact\":\"Antrag gestellt\"", "\"fact\":\"Auszahlung\"")
                .doesNotContain("\"fact\":\"APPLIED\"", "\"fact\":\"DISBURSED\"");
    }

    @Test
    void each_role_sees_only_the_actions_that_apply_to_it_in_the_grants_status() throws Exception {
        String coordinator = page("/zuwendungen/" + APPROVED, AccountRole.COORDINATOR);
        assertThat(coordinator).contains("href=\"/zentrum/zuwendungen/" + APPROVED + "/mittelabruf\"",
                        "href=\"/zentrum/zuwendungen/" + APPROVED + "/verwendungsnachweis\"")
                .doesNotContain("/auszahlung\"", "/aenderung\"", "/abschluss\"", "/rueckzahlung\"");
        String officer = page("/zuwendungen/" + APPROVED, AccountRole.GRANT_OFFICER);
        assertThat(officer).contains("href=\"/zuwendungen/" + APPROVED + "/auszahlung\">Auszahlung erfassen</a>")
                .doesNotContain("/mittelabruf\"", "/verwendungsnachweis\"", "/aenderung\"", "/abschluss\"", "/rueckzahlung\"");
        String ministry = page("/zuwendungen/" + APPROVED, AccountRole.MINISTRY);
        assertThat(ministry).contains("href=\"/zuwendungen/" + APPROVED + "/aenderung\">Änderungsbescheid</a>")
                .doesNotContain("/auszahlung\"", "/mittelabruf\"");

        assertThat(page("/zuwendungen/" + REPORTED, AccountRole.GRANT_OFFICER))
                .contains("href=\"/zuwendungen/" + REPORTED + "/abschluss\">Verwendungsnachweis prüfen und abschließen</a>")
                .doesNotContain("/auszahlung\"");
        assertThat(page("/zuwendungen/" + REPORTED, AccountRole.COORDINATOR)).doesNotContain("/mittelabruf\"", "/verwendungsnachweis\"");
        assertThat(page("/zuwendungen/" + REPORTED, AccountRole.MINISTRY)).doesNotContain("/aenderung\"");
        assertThat(page("/zuwendungen/" + CLOSED, AccountRole.GRANT_OFFICER))
                .contains("href=\"/zuwendungen/" + CLOSED + "/rueckzahlung\">Rückzahlung erfassen</a>");
        assertThat(page("/zuwendungen/" + REVIEWED, AccountRole.GRANT_OFFICER)).doesNotContain("/auszahlung\"");
    }

    @Test
    void the_chain_box_shows_an_intact_chain_with_its_head_and_length_and_the_downloads() throws Exception {
        for (AccountRole role : List.of(AccountRole.AUDITOR, AccountRole.MINISTRY, AccountRole.GRANT_OFFICER, AccountRole.COORDINATOR)) {
            assertThat(page("/zuwendungen/" + APPROVED, role)).as(role.name()).contains(
                    "<h2 id=\"kette\">Prüfung der Ereigniskette</h2>", "<strong>Kette unverändert.</strong>",
                    "Alle 5 gespeicherten Ereignisse stimmen mit ihren Prüfsummen überein",
                    "<code class=\"hash\">" + HEAD + "</code>", "<dd>5 Ereignisse</dd>", "30.01.2026, 09:00 Uhr",
                    "href=\"/zuwendungen/" + APPROVED + "/verlauf.pdf\">Verlauf als PDF herunterladen</a>",
                    "href=\"/zuwendungen/" + APPROVED + "/verlauf.csv\">Verlauf als CSV herunterladen</a>");
        }
        mvc.perform(get("/zuwendungen/" + APPROVED).with(as(AccountRole.AUDITOR)).param("lang", "en"))
                .andExpect(content().string(allOf(containsString("Check of the event chain"), containsString("Chain unaltered."),
                        containsString("<dt>Disbursed</dt>"), containsString("<span>Disbursement</span>"),
                        containsString("Disbursement by the Bezirksregierung"))));
    }

    @Test
    void a_broken_chain_is_shown_with_the_german_problems_and_a_failed_check_is_never_shown_as_intact() throws Exception {
        brokenChain = new ChainVerification(APPROVED, false, 4, "00ff", null,
                List.of("Ereignis 3 wurde verändert", "Ereignis 4 fehlt"), Instant.parse("2026-01-30T08:00:00Z"));
        assertThat(page("/zuwendungen/" + APPROVED, AccountRole.AUDITOR)).contains("<strong>Kette verletzt.</strong>",
                "<li>Ereignis 3 wurde verändert</li>", "<li>Ereignis 4 fehlt</li>", "<code class=\"hash\">00ff</code>")
                .doesNotContain("Kette unverändert");

        doReturn(CompletableFuture.failedFuture(new IllegalStateException("event store down"))).when(queryGateway)
                .query(any(VerifyGrantChainQuery.class), any(ResponseType.class));
        assertThat(page("/zuwendungen/" + APPROVED, AccountRole.AUDITOR)).contains("Die Ereigniskette konnte gerade nicht geprüft werden")
                .doesNotContain("Kette unverändert", "verlauf.pdf");
    }

    // ---- who may open which address ------------------------------------------------------------------

    @Test
    void each_role_reaches_only_its_own_lifecycle_pages() throws Exception {
        String g = "/zuwendungen/" + APPROVED;
        String own = "/zentrum/zuwendungen/" + APPROVED;
        for (AccountRole role : List.of(AccountRole.GRANT_OFFICER, AccountRole.MINISTRY, AccountRole.AUDITOR, AccountRole.ADMINISTRATOR)) {
            mvc.perform(get(own + "/mittelabruf").with(as(role))).andExpect(status().isForbidden());
            mvc.perform(get(own + "/verwendungsnachweis").with(as(role))).andExpect(status().isForbidden());
        }
        for (AccountRole role : List.of(AccountRole.COORDINATOR, AccountRole.MINISTRY, AccountRole.AUDITOR, AccountRole.ADMINISTRATOR)) {
            mvc.perform(get(g + "/auszahlung").with(as(role))).andExpect(status().isForbidden());
            mvc.perform(get("/zuwendungen/" + REPORTED + "/abschluss").with(as(role))).andExpect(status().isForbidden());
            mvc.perform(get("/zuwendungen/" + CLOSED + "/rueckzahlung").with(as(role))).andExpect(status().isForbidden());
            mvc.perform(get("/bewirtschaftung").with(as(role))).andExpect(status().isForbidden());
        }
        for (AccountRole role : List.of(AccountRole.COORDINATOR, AccountRole.GRANT_OFFICER, AccountRole.AUDITOR, AccountRole.ADMINISTRATOR)) {
            mvc.perform(get(g + "/aenderung").with(as(role))).andExpect(status().isForbidden());
        }
        mvc.perform(post(g + "/auszahlung").with(as(AccountRole.AUDITOR)).with(csrf()).param("amount", "1.000")
                .param("disbursedOn", LocalDate.now().toString())).andExpect(status().isForbidden());
        mvc.perform(post(g + "/aenderung").with(as(AccountRole.GRANT_OFFICER)).with(csrf()).param("approvedAmount", "9.000")
                .param("reason", "x")).andExpect(status().isForbidden());
        mvc.perform(post("/zuwendungen/" + REPORTED + "/abschluss").with(as(AccountRole.COORDINATOR)).with(csrf()).param("checkNote", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(get(g + "/verlauf.csv").with(as(AccountRole.ADMINISTRATOR))).andExpect(status().isForbidden());

        mvc.perform(get(own + "/mittelabruf").with(as(AccountRole.COORDINATOR))).andExpect(status().isOk());
        mvc.perform(get(g + "/auszahlung").with(as(AccountRole.GRANT_OFFICER))).andExpect(status().isOk());
        mvc.perform(get(g + "/aenderung").with(as(AccountRole.MINISTRY))).andExpect(status().isOk());
        verify(commandGateway, never()).send(any());
    }

    @Test
    void another_centres_coordinator_can_neither_draw_funds_report_nor_download_by_address() throws Exception {
        mvc.perform(get("/zentrum/zuwendungen/" + APPROVED + "/mittelabruf").with(duesseldorf()))
                .andExpect(status().isForbidden()).andExpect(content().string(allOf(containsString("<h1>Keine Berechtigung</h1>"),
                        not(containsString("Ankommenstreffpunkt")))));
        mvc.perform(post("/zentrum/zuwendungen/" + APPROVED + "/verwendungsnachweis").with(duesseldorf()).with(csrf())
                .param("amountSpent", "1.000").param("report", "x").param("volunteersReached", "3").param("step", "confirm"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/zuwendungen/" + APPROVED + "/verlauf.pdf").with(duesseldorf())).andExpect(status().isForbidden());
        mvc.perform(get("/zuwendungen/" + FOREIGN + "/verlauf.csv").with(as(AccountRole.COORDINATOR))).andExpect(status().isForbidden());
        verify(commandGateway, never()).send(any());
    }

    @Test
    void a_form_without_csrf_token_is_refused_and_nothing_is_sent() throws Exception {
        mvc.perform(post("/zuwendungen/" + APPROVED + "/auszahlung").with(as(AccountRole.GRANT_OFFICER))
                .param("amount", "1.000,00").param("disbursedOn", LocalDate.now().toString())).andExpect(status().isForbidden());
        mvc.perform(post("/zentrum/zuwendungen/" + APPROVED + "/mittelabruf").with(as(AccountRole.COORDINATOR))
                .param("amount", "1.000,00").param("purpose", "Honorare")).andExpect(status().isForbidden());
        verify(commandGateway, never()).send(any());
    }

    // ---- the centre: funds and the usage report ------------------------------------------------------

    @Test
    void a_funds_request_with_a_german_amount_is_sent_and_a_refusal_stays_at_the_amount() throws Exception {
        mvc.perform(get("/zentrum/zuwendungen/" + APPROVED + "/mittelabruf").with(as(AccountRole.COORDINATOR)))
                .andExpect(content().string(allOf(containsString("<h1>Mittel abrufen: Ankommenstreffpunkt Kalk</h1>"),
                        containsString("Abrufbar sind noch 4.000,00\u00A0€"), containsString("name=\"_csrf\""))));
        mvc.perform(post("/zentrum/zuwendungen/" + APPROVED + "/mittelabruf").with(as(AccountRole.COORDINATOR)).with(csrf())
                        .param("amount", "2.500,50").param("purpose", "Honorare März bis Mai"))
                .andExpect(redirectedUrl("/zuwendungen/" + APPROVED))
                .andExpect(flash().attribute("confirmation", "Der Mittelabruf über 2.500,50\u00A0€ für „Ankommenstreffpunkt Kalk“ ist "
                        + "gespeichert. Als Nächstes zahlt die Bezirksregierung aus."));
        verify(commandGateway).send(argThat(c -> c instanceof RequestFundsCommand r && r.grantId().equals(APPROVED)
                && r.amount().equals(Money.ofCents(250_050)) && r.purpose().equals("Honorare März bis Mai")));

        doReturn(CompletableFuture.failedFuture(new RuleViolationException("grant.request-exceeds-available",
                "Abrufbar sind noch 4.000,00 € (bewilligt 10.000,00 €, ausgezahlt 4.000,00 €, bereits abgerufen 2.000,00 €).")))
                .when(commandGateway).send(any(RequestFundsCommand.class));
        mvc.perform(post("/zentrum/zuwendungen/" + APPROVED + "/mittelabruf").with(as(AccountRole.COORDINATOR)).with(csrf())
                        .param("amount", "5.000").param("purpose", "Honorare"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<title>Fehler: Mittel abrufen – KOMM-AN NRW</title>"),
                        containsString("id=\"amount-fehler\""), containsString("href=\"#amount\">Abrufbar sind noch 4.000,00 €"),
                        containsString("value=\"5.000\""), containsString("Honorare</textarea>"))));
    }

    @Test
    void the_usage_report_asks_for_a_confirmation_before_it_is_submitted_once() throws Exception {
        String path = "/zentrum/zuwendungen/" + APPROVED + "/verwendungsnachweis";
        mvc.perform(get(path).with(as(AccountRole.COORDINATOR)))
                .andExpect(content().string(allOf(containsString("kann nur einmal eingereicht werden"),
                        containsString("value=\"4.000,00\""), containsString("Weiter zur Bestätigung"))));

        // the form leads to the confirmation page; nothing is sent yet
        mvc.perform(post(path).with(as(AccountRole.COORDINATOR)).with(csrf())
                        .param("amountSpent", "3.250,00").param("report", "Das Café fand statt.\nZweite Zeile.").param("volunteersReached", "42"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Verwendungsnachweis für „Ankommenstreffpunkt Kalk“ verbindlich einreichen?"),
                        containsString("<dd>3.250,00\u00A0€</dd>"), containsString("750,00\u00A0€ – wird nach der Prüfung"),
                        containsString("type=\"hidden\""), containsString("name=\"step\" value=\"confirm\""),
                        containsString("name=\"step\" value=\"change\""))));
        verify(commandGateway, never()).send(any());

        // "change" goes back to the form with the input
        mvc.perform(post(path).with(as(AccountRole.COORDINATOR)).with(csrf()).param("step", "change")
                        .param("amountSpent", "3.250,00").param("report", "Das Café fand statt.").param("volunteersReached", "42"))
                .andExpect(content().string(allOf(containsString("Weiter zur Bestätigung"), containsString("value=\"3.250,00\""),
                        containsString("Das Caf&eacute; fand statt.</textarea>"), not(containsString("class=\"error-summary\"")))));
        verify(commandGateway, never()).send(any());

        // "confirm" sends it
        mvc.perform(post(path).with(as(AccountRole.COORDINATOR)).with(csrf()).param("step", "confirm")
                        .param("amountSpent", "3.250,00").param("report", "Das Café fand statt.").param("volunteersReached", "42"))
                .andExpect(redirectedUrl("/zuwendungen/" + APPROVED))
                .andExpect(flash().attribute("confirmation",
                        "Der Verwendungsnachweis für „Ankommenstreffpunkt Kalk“ ist eingereicht. Als Nächstes prüft ihn die Bezirksregierung."));
        verify(commandGateway).send(argThat(c -> c instanceof SubmitUsageReportCommand s && s.amountSpent().equals(Money.ofCents(325_000))
                && s.report().equals("Das Café fand statt.") && s.volunteersReached() == 42));
    }

    @Test
    void the_usage_report_form_refuses_bad_input_before_the_confirmation_and_shows_the_command_sides_refusal() throws Exception {
        String path = "/zentrum/zuwendungen/" + APPROVED + "/verwendungsnachweis";
        mvc.perform(post(path).with(as(AccountRole.COORDINATOR)).with(csrf())
                        .param("amountSpent", "3250.00").param("report", " ").param("volunteersReached", "viele"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<title>Fehler: Verwendungsnachweis einreichen"),
                        containsString("href=\"#amountSpent\">Bitte den Betrag in Euro mit Komma"),
                        containsString("href=\"#report\">Bitte den Sachbericht angeben.</a>"),
                        containsString("href=\"#volunteersReached\">Bitte die Zahl der erreichten Ehrenamtlichen als ganze Zahl"),
                        containsString("value=\"3250.00\""), containsString("value=\"viele\""))));
        // the kernel's range check, before the confirmation
        mvc.perform(post(path).with(as(AccountRole.COORDINATOR)).with(csrf())
                        .param("amountSpent", "3.250").param("report", "Bericht").param("volunteersReached", "-3"))
                .andExpect(content().string(allOf(containsString("id=\"volunteersReached-fehler\""),
                        containsString("zwischen 0 und 1.000.000"))));
        verify(commandGateway, never()).send(any());

        doReturn(CompletableFuture.failedFuture(new RuleViolationException("grant.spent-exceeds-disbursed",
                "Verausgabt werden kann höchstens, was ausgezahlt wurde: ausgezahlt 4.000,00 €, angegeben 5.000,00 €.")))
                .when(commandGateway).send(any(SubmitUsageReportCommand.class));
        mvc.perform(post(path).with(as(AccountRole.COORDINATOR)).with(csrf()).param("step", "confirm")
                        .param("amountSpent", "5.000").param("report", "Bericht").param("volunteersReached", "7"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"amountSpent-fehler\""),
                        containsString("Verausgabt werden kann höchstens, was ausgezahlt wurde"), containsString("value=\"5.000\""),
                        containsString("Weiter zur Bestätigung"))));
    }

    // ---- the grant authority ---------------------------------------------------------------------------

    @Test
    void a_disbursement_defaults_to_the_open_request_and_today_and_is_sent_with_exact_cents() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        mvc.perform(get("/zuwendungen/" + APPROVED + "/auszahlung").with(as(AccountRole.GRANT_OFFICER)))
                .andExpect(content().string(allOf(containsString("value=\"2.000,00\""),
                        containsString("id=\"disbursedOn\" name=\"disbursedOn\" value=\"" + today + "\""),
                        containsString("Noch auszahlbar: 6.000,00\u00A0€"))));
        mvc.perform(post("/zuwendungen/" + APPROVED + "/auszahlung").with(as(AccountRole.GRANT_OFFICER)).with(csrf())
                        .param("amount", "2.000,00").param("disbursedOn", today.toString()))
                .andExpect(redirectedUrl("/zuwendungen/" + APPROVED))
                .andExpect(flash().attribute("confirmation", "Die Auszahlung von 2.000,00\u00A0€ für „Ankommenstreffpunkt Kalk“ (Köln) ist erfasst."));
        verify(commandGateway).send(argThat(c -> c instanceof DisburseTrancheCommand d && d.amount().equals(euros(2_000))
                && d.disbursedOn().equals(today)));
    }

    @Test
    void a_disbursement_refused_by_the_command_side_or_by_the_format_stays_on_the_form_with_the_input() throws Exception {
        String path = "/zuwendungen/" + APPROVED + "/auszahlung";
        mvc.perform(post(path).with(as(AccountRole.GRANT_OFFICER)).with(csrf()).param("amount", "6.000,001").param("disbursedOn", "gestern"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("href=\"#amount\">Ein Betrag hat höchstens zwei Nachkommastellen"),
                        containsString("href=\"#disbursedOn\">Bitte den Tag der Auszahlung als gültiges Datum angeben."),
                        containsString("value=\"6.000,001\""))));
        verify(commandGateway, never()).send(any());

        doReturn(CompletableFuture.failedFuture(new RuleViolationException("grant.disbursement-exceeds-approved",
                "Insgesamt darf nicht mehr ausgezahlt werden als bewilligt: bewilligt 10.000,00 €, bereits ausgezahlt 4.000,00 €, "
                        + "möglich sind noch 6.000,00 €.")))
                .when(commandGateway).send(any(DisburseTrancheCommand.class));
        mvc.perform(post(path).with(as(AccountRole.GRANT_OFFICER)).with(csrf()).param("amount", "7.000").param("disbursedOn", "2026-01-22"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"amount-fehler\""),
                        containsString("Insgesamt darf nicht mehr ausgezahlt werden als bewilligt"),
                        containsString("value=\"7.000\""), containsString("value=\"2026-01-22\""))));

        doReturn(CompletableFuture.failedFuture(new RuleViolationException("grant.disbursement.in-future",
                "Das Auszahlungsdatum (01.01.2099) liegt in der Zukunft.")))
                .when(commandGateway).send(any(DisburseTrancheCommand.class));
        mvc.perform(post(path).with(as(AccountRole.GRANT_OFFICER)).with(csrf()).param("amount", "1.000").param("disbursedOn", "2099-01-01"))
                .andExpect(content().string(allOf(containsString("id=\"disbursedOn-fehler\""), containsString("liegt in der Zukunft"))));

        // a refusal about the status is for the whole form
        doReturn(CompletableFuture.failedFuture(new RuleViolationException("grant.closed",
                "Die Zuwendung ist abgeschlossen; eine Auszahlung ist nicht mehr möglich.")))
                .when(commandGateway).send(any(DisburseTrancheCommand.class));
        mvc.perform(post(path).with(as(AccountRole.GRANT_OFFICER)).with(csrf()).param("amount", "1.000").param("disbursedOn", "2026-01-22"))
                .andExpect(content().string(containsString("<li>Die Zuwendung ist abgeschlossen; eine Auszahlung ist nicht mehr möglich.</li>")));
    }

    @Test
    void closing_shows_the_repayment_demand_before_confirming_and_confirms_the_recorded_one() throws Exception {
        String path = "/zuwendungen/" + REPORTED + "/abschluss";
        mvc.perform(get(path).with(as(AccountRole.GRANT_OFFICER)))
                .andExpect(content().string(allOf(
                        containsString("Ausgezahlt 9.000,00\u00A0€, verausgabt 8.250,00\u00A0€: Mit dem Abschluss werden 750,00\u00A0€ zurückgefordert."),
                        containsString("Das Café fand 40-mal statt."), containsString("Prüfung abschließen und Zuwendung schließen"))));
        mvc.perform(post(path).with(as(AccountRole.GRANT_OFFICER)).with(csrf()).param("checkNote", " "))
                .andExpect(content().string(containsString("href=\"#checkNote\">Bitte einen Prüfvermerk angeben.</a>")));
        verify(commandGateway, never()).send(any());

        doAnswer(inv -> {
            grants.put(REPORTED, grant(REPORTED, KOELN, GrantStatus.CLOSED, euros(10_000), euros(9_000), Money.ZERO,
                    Money.ofCents(825_000), euros(750), Money.ZERO, "REPAYMENT"));
            return CompletableFuture.completedFuture(null);
        }).when(commandGateway).send(any(CloseGrantCommand.class));
        mvc.perform(post(path).with(as(AccountRole.GRANT_OFFICER)).with(csrf()).param("checkNote", "Nachweis schlüssig."))
                .andExpect(redirectedUrl("/zuwendungen/" + REPORTED))
                .andExpect(flash().attribute("confirmation",
                        "Die Zuwendung „Ankommenstreffpunkt Kalk“ (Köln) ist abgeschlossen. Zurückgefordert werden 750,00\u00A0€."));
        verify(commandGateway).send(argThat(c -> c instanceof CloseGrantCommand g && g.checkNote().equals("Nachweis schlüssig.")));
    }

    @Test
    void a_repayment_is_recorded_and_one_above_the_outstanding_amount_is_refused_at_the_amount() throws Exception {
        String path = "/zuwendungen/" + CLOSED + "/rueckzahlung";
        mvc.perform(get(path).with(as(AccountRole.GRANT_OFFICER)))
                .andExpect(content().string(allOf(containsString("value=\"500,00\""), containsString("Offen sind 500,00\u00A0€"))));
        doReturn(CompletableFuture.failedFuture(new RuleViolationException("grant.repayment-exceeds-outstanding",
                "Offen sind nur 500,00 €; mehr kann nicht als Rückzahlung erfasst werden.")))
                .when(commandGateway).send(any(RecordRepaymentCommand.class));
        mvc.perform(post(path).with(as(AccountRole.GRANT_OFFICER)).with(csrf()).param("amount", "600").param("receivedOn", "2026-01-29"))
                .andExpect(content().string(allOf(containsString("id=\"amount-fehler\""), containsString("Offen sind nur 500,00 €"),
                        containsString("value=\"600\""))));

        doReturn(CompletableFuture.completedFuture(null)).when(commandGateway).send(any(RecordRepaymentCommand.class));
        mvc.perform(post(path).with(as(AccountRole.GRANT_OFFICER)).with(csrf()).param("amount", "500,00").param("receivedOn", "2026-01-29"))
                .andExpect(redirectedUrl("/zuwendungen/" + CLOSED))
                .andExpect(flash().attribute("confirmation", startsWith("Die Rückzahlung von 500,00\u00A0€ für „Ankommenstreffpunkt Kalk“ ist erfasst.")));
        verify(commandGateway).send(argThat(c -> c instanceof RecordRepaymentCommand r && r.amount().equals(euros(500))
                && r.receivedOn().equals(LocalDate.of(2026, 1, 29))));
    }

    @Test
    void the_worklist_shows_open_fund_requests_reports_to_check_and_outstanding_repayments() throws Exception {
        String html = page("/bewirtschaftung", AccountRole.GRANT_OFFICER);
        assertThat(html).contains("<h1>Abrufe und Nachweise</h1>", "Offene Mittelabrufe (1)", "Verwendungsnachweise zur Prüfung (1)",
                "Offene Rückforderungen (1)",
                "href=\"/zuwendungen/" + APPROVED + "/auszahlung\">Auszahlen: Ankommenstreffpunkt Kalk</a>",
                "href=\"/zuwendungen/" + REPORTED + "/abschluss\">Nachweis prüfen: Ankommenstreffpunkt Kalk</a>",
                "href=\"/zuwendungen/" + CLOSED + "/rueckzahlung\">Rückzahlung erfassen: Ankommenstreffpunkt Kalk</a>",
                "aria-current=\"page\">Abrufe und Nachweise</a>")
                .as("an approved grant without an open request waits for nobody").doesNotContain("/zuwendungen/" + FOREIGN + "/auszahlung");
    }

    // ---- the ministry ------------------------------------------------------------------------------------

    @Test
    void an_amendment_is_sent_and_the_command_sides_refusals_stay_at_the_amount() throws Exception {
        String path = "/zuwendungen/" + APPROVED + "/aenderung";
        mvc.perform(get(path).with(as(AccountRole.MINISTRY)))
                .andExpect(content().string(allOf(containsString("value=\"10.000,00\""),
                        containsString("Bisher bewilligt: 10.000,00\u00A0€. Nicht unter dem bereits ausgezahlten Betrag (4.000,00\u00A0€)"))));
        mvc.perform(post(path).with(as(AccountRole.MINISTRY)).with(csrf()).param("approvedAmount", "11.000").param("reason", " "))
                .andExpect(content().string(containsString("href=\"#reason\">Bitte die Änderung begründen.</a>")));
        verify(commandGateway, never()).send(any());

        doReturn(CompletableFuture.failedFuture(new RuleViolationException("grant.amendment-below-disbursed",
                "Der neue Betrag (3.000,00 €) darf nicht unter dem bereits ausgezahlten Betrag (4.000,00 €) liegen.")))
                .when(commandGateway).send(any(AmendGrantCommand.class));
        mvc.perform(post(path).with(as(AccountRole.MINISTRY)).with(csrf()).param("approvedAmount", "3.000").param("reason", "Kürzung"))
                .andExpect(content().string(allOf(containsString("id=\"approvedAmount-fehler\""),
                        containsString("darf nicht unter dem bereits ausgezahlten Betrag (4.000,00 €) liegen"), containsString("value=\"3.000\""))));

        doReturn(CompletableFuture.failedFuture(new RuleViolationException("budget.exceeded",
                "Das Budget Teil II A – Ankommenstreffpunkte 2026 reicht nicht: 100.000,00 € insgesamt, davon 99.000,00 € bereits bewilligt; frei sind 1.000,00 €.")))
                .when(commandGateway).send(any(AmendGrantCommand.class));
        mvc.perform(post(path).with(as(AccountRole.MINISTRY)).with(csrf()).param("approvedAmount", "12.000").param("reason", "Mehrbedarf"))
                .andExpect(content().string(allOf(containsString("id=\"approvedAmount-fehler\""), containsString("reicht nicht"))));

        doReturn(CompletableFuture.completedFuture(null)).when(commandGateway).send(any(AmendGrantCommand.class));
        // a raise is only proposed (ADR 26): the confirmation says so
        mvc.perform(post(path).with(as(AccountRole.MINISTRY)).with(csrf()).param("approvedAmount", "11.500,00").param("reason", "Mehrbedarf"))
                .andExpect(redirectedUrl("/zuwendungen/" + APPROVED))
                .andExpect(flash().attribute("confirmation", "Die Erhöhung für „Ankommenstreffpunkt Kalk“ (Köln) auf 11.500,00\u00A0€ ist "
                        + "vorgeschlagen: Sie wird wirksam, wenn ein anderes Konto des Ministeriums sie bestätigt."));
        verify(commandGateway).send(argThat(c -> c instanceof AmendGrantCommand a && a.approvedAmount().equals(euros(11_500))
                && a.reason().equals("Mehrbedarf")));
        mvc.perform(post(path).with(as(AccountRole.MINISTRY)).with(csrf()).param("approvedAmount", "9.500,00").param("reason", "Kürzung"))
                .andExpect(redirectedUrl("/zuwendungen/" + APPROVED))
                .andExpect(flash().attribute("confirmation", "Der Änderungsbescheid für „Ankommenstreffpunkt Kalk“ (Köln) ist gespeichert: "
                        + "bewilligt sind jetzt 9.500,00\u00A0€."));
    }

    /** The same grant with a raise to the amount waiting for a second ministry account (ADR 26). */
    private static GrantView withRaise(GrantView g, Money raise, String proposedBy) {
        return new GrantView(g.grantId(), g.centreId(), g.centreName(), g.regierungsbezirk(), g.fundingYear(), g.programmePart(),
                g.title(), g.purpose(), g.status(), g.requestedAmount(), g.approvedAmount(), g.recommendation(), g.reviewNote(),
                g.decisionNote(), g.appliedOn(), g.appliedBy(), g.reviewedBy(), g.decidedBy(), g.decidedOn(), g.nextStep(),
                g.disbursedAmount(), g.fundsRequested(), g.spentAmount(), g.volunteersReached(), g.usageReport(), g.reportedOn(),
                g.checkNote(), g.closedOn(), g.repaymentDemanded(), g.repaidAmount(), raise, proposedBy);
    }

    @Test
    void a_proposed_raise_is_approved_or_withdrawn_by_the_ministry_on_its_own_page() throws Exception {
        grants.put(APPROVED, withRaise(grants.get(APPROVED), euros(11_000), "m.schulz"));
        String path = "/zuwendungen/" + APPROVED + "/erhoehung";
        assertThat(page("/zuwendungen/" + APPROVED, AccountRole.MINISTRY))
                .contains("href=\"" + path + "\">Erhöhung prüfen</a>", "wartet auf die Bestätigung durch ein zweites Konto")
                .as("one amendment at a time").doesNotContain("/aenderung\"");
        assertThat(page(path, AccountRole.MINISTRY)).contains("Erhöhung auf 11.000,00\u00A0€ bestätigen", "value=\"11.000,00\"",
                "von 10.000,00\u00A0€ auf 11.000,00\u00A0€ (von m.schulz)");

        // the command side's four-eyes refusal stays on the page
        doReturn(CompletableFuture.failedFuture(new ForbiddenException("grant.four-eyes",
                "Vier-Augen-Prinzip: Wer die Erhöhung vorgeschlagen hat, darf sie nicht selbst bestätigen.")))
                .when(commandGateway).send(any(ApproveGrantRaiseCommand.class));
        mvc.perform(post(path + "/bestaetigung").with(as(AccountRole.MINISTRY)).with(csrf()).param("proposedAmount", "11.000,00"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vier-Augen-Prinzip: Wer die Erhöhung vorgeschlagen hat")));
        doReturn(CompletableFuture.completedFuture(null)).when(commandGateway).send(any(ApproveGrantRaiseCommand.class));
        mvc.perform(post(path + "/bestaetigung").with(as(AccountRole.MINISTRY)).with(csrf()).param("proposedAmount", "11.000,00"))
                .andExpect(redirectedUrl("/zuwendungen/" + APPROVED))
                .andExpect(flash().attribute("confirmation", "Die Erhöhung für „Ankommenstreffpunkt Kalk“ (Köln) ist bestätigt: "
                        + "bewilligt sind jetzt 11.000,00\u00A0€."));
        // sent twice: refused, then accepted
        verify(commandGateway, org.mockito.Mockito.times(2))
                .send(argThat(c -> c instanceof ApproveGrantRaiseCommand a && a.proposedAmount().equals(euros(11_000))));

        // the withdrawal needs a reason
        mvc.perform(post(path + "/ruecknahme").with(as(AccountRole.MINISTRY)).with(csrf()).param("reason", " "))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Bitte den Grund der Rücknahme angeben.")));
        verify(commandGateway, never()).send(any(WithdrawGrantRaiseCommand.class));
        mvc.perform(post(path + "/ruecknahme").with(as(AccountRole.MINISTRY)).with(csrf()).param("reason", "Mehrbedarf entfällt"))
                .andExpect(redirectedUrl("/zuwendungen/" + APPROVED));
        verify(commandGateway).send(argThat(c -> c instanceof WithdrawGrantRaiseCommand w && w.reason().equals("Mehrbedarf entfällt")));

        // only the ministry
        for (AccountRole role : new AccountRole[]{AccountRole.GRANT_OFFICER, AccountRole.COORDINATOR, AccountRole.AUDITOR}) {
            mvc.perform(get(path).with(as(role))).andExpect(status().isForbidden());
            mvc.perform(post(path + "/bestaetigung").with(as(role)).with(csrf()).param("proposedAmount", "11.000,00"))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void an_approval_beyond_the_budget_is_shown_at_the_amount_and_a_missing_budget_for_the_whole_form() throws Exception {
        String path = "/zuwendungen/" + REVIEWED + "/entscheidung";
        doReturn(CompletableFuture.failedFuture(new RuleViolationException("budget.exceeded",
                "Das Budget Teil II A – Ankommenstreffpunkte 2026 reicht nicht: frei sind 5.000,00 €.")))
                .when(commandGateway).send(any(ApproveGrantCommand.class));
        mvc.perform(post(path).with(as(AccountRole.MINISTRY)).with(csrf()).param("decision", "APPROVE").param("approvedAmount", "10.000"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"approvedAmount-fehler\""), containsString("frei sind 5.000,00 €"),
                        containsString("value=\"10.000\""))));
        doReturn(CompletableFuture.failedFuture(new RuleViolationException("budget.missing",
                "Für Teil II A – Ankommenstreffpunkte 2026 hat das Ministerium noch kein Budget festgelegt; ohne Budget ist keine Bewilligung möglich.")))
                .when(commandGateway).send(any(ApproveGrantCommand.class));
        mvc.perform(post(path).with(as(AccountRole.MINISTRY)).with(csrf()).param("decision", "APPROVE").param("approvedAmount", "10.000"))
                .andExpect(content().string(allOf(containsString("<li>Für Teil II A – Ankommenstreffpunkte 2026 hat das Ministerium noch kein Budget"),
                        not(containsString("id=\"approvedAmount-fehler\"")))));
    }

    // ---- the register -------------------------------------------------------------------------------------

    @Test
    void the_register_filters_by_programme_part_and_regierungsbezirk() throws Exception {
        mvc.perform(get("/zuwendungen").with(as(AccountRole.MINISTRY)).param("teil", "PART_II_A").param("bezirk", "KOELN"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<label for=\"teil\">Programmteil</label>"),
                        containsString("<option value=\"PART_II_A\" selected=\"selected\">Teil II A – Ankommenstreffpunkte</option>"),
                        containsString("<label for=\"bezirk\">Regierungsbezirk</label>"),
                        containsString("<option value=\"KOELN\" selected=\"selected\">Köln</option>"),
                        containsString("Filter zurücksetzen"), containsString("<th scope=\"col\" class=\"number\">Ausgezahlt</th>"))));
        verify(queryGateway).query(argThat(q -> q instanceof FindGrantsQuery f && f.programmePart() == ProgrammePart.PART_II_A
                && f.regierungsbezirk() == Regierungsbezirk.KOELN && f.centreId() == null), any(ResponseType.class));
    }

    // ---- downloads -----------------------------------------------------------------------------------------

    @Test
    void the_history_downloads_are_attachments_with_their_content_type_for_every_reader() throws Exception {
        for (AccountRole role : List.of(AccountRole.AUDITOR, AccountRole.MINISTRY, AccountRole.GRANT_OFFICER, AccountRole.COORDINATOR)) {
            MvcResult csv = mvc.perform(get("/zuwendungen/" + APPROVED + "/verlauf.csv").with(as(role)))
                    .andExpect(status().isOk())
                    .andExpect(header().string(HttpHeaders.CONTENT_TYPE, startsWith("text/csv")))
                    .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, allOf(startsWith("attachment;"),
                            containsString("zuwendung-05315-" + YEAR + "-"), containsString("-verlauf.csv"))))
                    .andReturn();
            String text = new String(csv.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
            assertThat(text).as(role.name()).contains("Ankommenstreffpunkt Kalk", HEAD);

            MvcResult pdf = mvc.perform(get("/zuwendungen/" + APPROVED + "/verlauf.pdf").with(as(role)))
                    .andExpect(status().isOk())
                    .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "application/pdf"))
                    .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, allOf(startsWith("attachment;"), containsString("-verlauf.pdf"))))
                    .andReturn();
            assertThat(new String(pdf.getResponse().getContentAsByteArray(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        }
    }

    @Test
    void a_kernel_input_refusal_of_a_command_is_shown_on_the_form_not_as_an_error_page() throws Exception {
        doReturn(CompletableFuture.failedFuture(new InvalidInputException("purpose.too-long", "Der Verwendungszweck ist zu lang.")))
                .when(commandGateway).send(any(RequestFundsCommand.class));
        mvc.perform(post("/zentrum/zuwendungen/" + APPROVED + "/mittelabruf").with(as(AccountRole.COORDINATOR)).with(csrf())
                        .param("amount", "100").param("purpose", "Honorare"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"purpose-fehler\""), containsString("Der Verwendungszweck ist zu lang."))));
    }
}
