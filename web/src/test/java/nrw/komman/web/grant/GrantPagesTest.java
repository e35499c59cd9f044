package nrw.komman.web.grant;

import nrw.komman.kernel.admin.AwaitReadModelsQuery;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.CentreView;
import nrw.komman.kernel.centre.FindCentreQuery;
import nrw.komman.kernel.centre.FindCentresQuery;
import nrw.komman.kernel.centre.Regierungsbezirk;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.grant.ApplyForGrantCommand;
import nrw.komman.kernel.grant.ApproveGrantCommand;
import nrw.komman.kernel.grant.FetchGrantHistoryQuery;
import nrw.komman.kernel.grant.FindGrantQuery;
import nrw.komman.kernel.grant.FindGrantsQuery;
import nrw.komman.kernel.grant.GrantHistory;
import nrw.komman.kernel.grant.GrantHistoryEntry;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.GrantStatus;
import nrw.komman.kernel.grant.GrantView;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.kernel.grant.Recommendation;
import nrw.komman.kernel.grant.RejectGrantCommand;
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
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The grant pages with mocked gateways: the German amount on the apply form, refusals of the command
 * side on the forms (ended year, amount above the requested one, four eyes), post-redirect-get, and
 * which role may open which page.
 */
@SpringBootTest(classes = WebTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:web-ui-grants;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.flyway.locations=classpath:db/migration/common",
        "komman.admin.password=Betrieb-Passwort-2025"})
@AutoConfigureMockMvc
class GrantPagesTest {

    private static final CentreId KOELN = new CentreId("05315");
    private static final CentreId DUESSELDORF = new CentreId("05111");
    private static final GrantId GRANT = GrantId.random();
    private static final GrantId FOREIGN = GrantId.random();
    private static final int YEAR = LocalDate.now(ZoneId.of("Europe/Berlin")).getYear();

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    private CommandGateway commandGateway;
    @MockitoBean
    private QueryGateway queryGateway;

    private static GrantView grant(GrantId id, CentreId centre, GrantStatus status) {
        return new GrantView(id, centre, "Köln", Regierungsbezirk.KOELN, YEAR, ProgrammePart.PART_II_A, "Ankommenstreffpunkt Kalk",
                "Wöchentliches Begegnungscafé", status, Money.ofCents(2_500_000), null,
                status == GrantStatus.APPLIED ? null : Recommendation.APPROVE, status == GrantStatus.APPLIED ? null : "Förderfähig",
                null, LocalDate.of(YEAR, 1, 10), "koordination.koeln", null, null, null, "Prüfung",
                null, null, null, null, null, null, null, null, null, null);
    }

    @BeforeEach
    void setUp() {
        doReturn(CompletableFuture.completedFuture(null)).when(commandGateway).send(any());
        doReturn(CompletableFuture.completedFuture(true)).when(queryGateway)
                .query(any(AwaitReadModelsQuery.class), any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(new CentreView(KOELN, "Köln", "Kreisfreie Stadt", Regierungsbezirk.KOELN,
                true, LocalDate.of(2013, 1, 1), null))).when(queryGateway).query(any(FindCentreQuery.class), any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(List.of(new CentreView(KOELN, "Köln", "Kreisfreie Stadt", Regierungsbezirk.KOELN,
                true, LocalDate.of(2013, 1, 1), null)))).when(queryGateway).query(any(FindCentresQuery.class), any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(grant(GRANT, KOELN, GrantStatus.REVIEWED))).when(queryGateway)
                .query(argThat(q -> q instanceof FindGrantQuery f && f.grantId().equals(GRANT)), any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(grant(FOREIGN, DUESSELDORF, GrantStatus.APPLIED))).when(queryGateway)
                .query(argThat(q -> q instanceof FindGrantQuery f && f.grantId().equals(FOREIGN)), any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(new GrantHistory(GRANT, KOELN, List.of(
                new GrantHistoryEntry(0, "APPLIED", Instant.parse("2026-01-10T09:00:00Z"), "koordination.koeln",
                        AccountRole.COORDINATOR, null, GrantStatus.APPLIED, null, null, Money.ofCents(2_500_000), null),
                new GrantHistoryEntry(1, "REVIEWED", Instant.parse("2026-01-12T13:30:00Z"), "bezreg", AccountRole.GRANT_OFFICER,
                        GrantStatus.APPLIED, GrantStatus.REVIEWED, null, null, null, "Empfehlung: Bewilligung. Förderfähig"),
                new GrantHistoryEntry(2, "APPROVED", Instant.parse("2026-01-20T09:00:00Z"), "ministerium", AccountRole.MINISTRY,
                        GrantStatus.REVIEWED, GrantStatus.APPROVED, null, Money.ofCents(2_000_000), Money.ofCents(2_000_000), "Sachkosten gekürzt"),
                new GrantHistoryEntry(3, "DISBURSED", Instant.parse("2026-02-02T09:00:00Z"), "bezreg", AccountRole.GRANT_OFFICER,
                        GrantStatus.APPROVED, GrantStatus.APPROVED, Money.ofCents(2_000_000), Money.ofCents(2_000_000),
                        Money.ofCents(500_000), null, Money.ZERO, Money.ofCents(500_000))))))
                .when(queryGateway).query(any(FetchGrantHistoryQuery.class), any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(List.of(grant(GRANT, KOELN, GrantStatus.REVIEWED)))).when(queryGateway)
                .query(any(FindGrantsQuery.class), any(ResponseType.class));
        // the decision form reads the programme's dates (issue 19); none set: the defaults
        doReturn(CompletableFuture.completedFuture(null)).when(queryGateway)
                .query(any(nrw.komman.kernel.grant.FetchProgrammeDatesQuery.class), any(ResponseType.class));
    }

    private static RequestPostProcessor as(AccountRole role) {
        return user(new AccountPrincipal(role.name().toLowerCase(), null, role, role == AccountRole.COORDINATOR ? KOELN : null, true));
    }

    @Test
    void the_apply_form_defaults_to_the_current_funding_year() throws Exception {
        mvc.perform(get("/zentrum/zuwendungen/neu").with(as(AccountRole.COORDINATOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h1>Zuwendung beantragen</h1>"),
                        containsString("id=\"fundingYear\" name=\"fundingYear\" value=\"" + YEAR + "\""),
                        containsString("Teil II A – Ankommenstreffpunkte"), containsString("name=\"_csrf\""))));
    }

    @Test
    void a_german_amount_becomes_exact_cents_and_the_application_redirects_with_a_confirmation() throws Exception {
        mvc.perform(post("/zentrum/zuwendungen").with(as(AccountRole.COORDINATOR)).with(csrf())
                        .param("fundingYear", String.valueOf(YEAR)).param("programmePart", "PART_II_A")
                        .param("title", "Ankommenstreffpunkt Kalk").param("purpose", "Begegnungscafé")
                        .param("requestedAmount", "12.500,50"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("confirmation",
                        "Der Antrag „Ankommenstreffpunkt Kalk“ ist gestellt. Als Nächstes prüft ihn die Bezirksregierung."));
        verify(commandGateway).send(argThat(c -> c instanceof ApplyForGrantCommand a && a.centreId().equals(KOELN)
                && a.requestedAmount().equals(Money.ofCents(1_250_050)) && a.fundingYear() == YEAR));
    }

    @Test
    void an_amount_with_a_decimal_point_is_refused_at_the_field_and_in_the_summary_and_the_input_is_kept() throws Exception {
        mvc.perform(post("/zentrum/zuwendungen").with(as(AccountRole.COORDINATOR)).with(csrf())
                        .param("fundingYear", String.valueOf(YEAR)).param("programmePart", "PART_II_A")
                        .param("title", "Ankommenstreffpunkt Kalk").param("purpose", "Begegnungscafé")
                        .param("requestedAmount", "12500.00"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<title>Fehler: Zuwendung beantragen – KOMM-AN NRW</title>"),
                        containsString("href=\"#requestedAmount\">Bitte den Betrag in Euro mit Komma für die Cent angeben"),
                        containsString("id=\"requestedAmount-fehler\""),
                        containsString("value=\"12500.00\""), containsString("value=\"Ankommenstreffpunkt Kalk\""))));
        verify(commandGateway, never()).send(any());
    }

    @Test
    void an_ended_funding_year_refused_by_the_command_side_is_shown_at_the_year() throws Exception {
        doReturn(CompletableFuture.failedFuture(new RuleViolationException("grant.funding-year-ended",
                "Das Förderjahr 2020 ist abgelaufen; dafür kann nichts mehr beantragt werden.")))
                .when(commandGateway).send(any(ApplyForGrantCommand.class));
        mvc.perform(post("/zentrum/zuwendungen").with(as(AccountRole.COORDINATOR)).with(csrf())
                        .param("fundingYear", "2020").param("programmePart", "PART_I")
                        .param("title", "Koordination").param("purpose", "Stelle").param("requestedAmount", "70000"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"fundingYear-fehler\""),
                        containsString("Dieses Förderjahr ist abgelaufen"), containsString("value=\"70000\""))));
    }

    @Test
    void an_approval_above_the_requested_amount_is_shown_at_the_amount() throws Exception {
        doReturn(CompletableFuture.failedFuture(new RuleViolationException("grant.approved-exceeds-requested",
                "Der bewilligte Betrag (30.000,00 €) darf den beantragten Betrag (25.000,00 €) nicht übersteigen.")))
                .when(commandGateway).send(any(ApproveGrantCommand.class));
        mvc.perform(post("/zuwendungen/" + GRANT + "/entscheidung").with(as(AccountRole.MINISTRY)).with(csrf())
                        .param("decision", "APPROVE").param("approvedAmount", "30.000"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"approvedAmount-fehler\""),
                        containsString("darf den beantragten Betrag (25.000,00 €) nicht übersteigen"),
                        containsString("value=\"30.000\""))));
        verify(commandGateway).send(argThat(c -> c instanceof ApproveGrantCommand a && a.approvedAmount().equals(Money.ofCents(3_000_000))));
    }

    @Test
    void the_four_eyes_refusal_stays_on_the_decision_form_and_a_rejection_needs_a_reason() throws Exception {
        doReturn(CompletableFuture.failedFuture(new ForbiddenException("grant.four-eyes",
                "Vier-Augen-Prinzip: Wer den Antrag gestellt oder geprüft hat, darf nicht über ihn entscheiden.")))
                .when(commandGateway).send(any(ApproveGrantCommand.class));
        mvc.perform(post("/zuwendungen/" + GRANT + "/entscheidung").with(as(AccountRole.MINISTRY)).with(csrf())
                        .param("decision", "APPROVE").param("approvedAmount", "25.000,00"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("class=\"error-summary\""),
                        containsString("<li>Vier-Augen-Prinzip: Wer den Antrag gestellt oder geprüft hat"))));
        mvc.perform(post("/zuwendungen/" + GRANT + "/entscheidung").with(as(AccountRole.MINISTRY)).with(csrf())
                        .param("decision", "REJECT").param("note", " "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#note\">Bitte die Ablehnung begründen.</a>")));
        verify(commandGateway, never()).send(any(RejectGrantCommand.class));
    }

    @Test
    void the_grant_page_shows_the_history_as_a_timeline_to_the_auditor_without_buttons() throws Exception {
        mvc.perform(get("/zuwendungen/" + GRANT).with(as(AccountRole.AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<ol class=\"timeline\">"),
                        containsString("Antrag gestellt"), containsString("10.01.2026, 10:00 Uhr"),
                        containsString("bezreg, Bewilligungsbehörde (Bezirksregierung)"),
                        containsString("Beantragt → Geprüft"), containsString("Empfehlung: Bewilligung. Förderfähig"),
                        containsString("25.000,00\u00A0€"),
                        not(containsString("/entscheidung\"")), not(containsString("/ruecknahme\"")))));
    }

    /** Issue 17: the history shows what a fact changed, in plain words; no "— → —", no brackets in brackets. */
    @Test
    void the_history_shows_only_the_amounts_and_status_a_fact_changed_and_names_roles_without_doubled_brackets() throws Exception {
        String html = mvc.perform(get("/zuwendungen/" + GRANT).with(as(AccountRole.AUDITOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String timeline = html.substring(html.indexOf("<ol class=\"timeline\">"), html.indexOf("</ol>", html.indexOf("<ol class=\"timeline\">")));
        assertThat(timeline).doesNotContain("— → —").doesNotContain("((").doesNotContain("))")
                .doesNotContain("20.000,00\u00A0€ → 20.000,00\u00A0€").doesNotContain("Bewilligt → Bewilligt")
                .doesNotContain("vorher → nachher")
                .contains("koordination.koeln, Koordinator*in", "ministerium, Ministerium")
                // approved for the first time: the amount, no "— →"
                .containsPattern("<dt>Bewilligt</dt>\\s*<dd>20.000,00\u00A0€</dd>")
                // the disbursement changed the total paid out, not the approved amount nor the status
                .contains("<dd>0,00\u00A0€ → 5.000,00\u00A0€</dd>");
        String disbursement = timeline.substring(timeline.lastIndexOf("<li"));
        assertThat(disbursement).contains("<dt>Stand</dt>", "<dd>Bewilligt</dd>", "<dt>Ausgezahlt insgesamt</dt>")
                .doesNotContain("<dt>Bewilligt</dt>");
        assertThat(timeline.split("<dt>Bewilligt</dt>", -1)).as("one approved amount shown: at the approval").hasSize(2);
    }

    @Test
    void each_role_reaches_only_its_own_grant_pages() throws Exception {
        mvc.perform(get("/entscheidungen").with(as(AccountRole.COORDINATOR))).andExpect(status().isForbidden());
        mvc.perform(get("/zuwendungen").with(as(AccountRole.COORDINATOR))).andExpect(status().isForbidden());
        mvc.perform(get("/zuwendungen/" + GRANT + "/entscheidung").with(as(AccountRole.GRANT_OFFICER))).andExpect(status().isForbidden());
        mvc.perform(get("/pruefung").with(as(AccountRole.MINISTRY))).andExpect(status().isForbidden());
        mvc.perform(post("/zuwendungen/" + GRANT + "/pruefung").with(as(AccountRole.AUDITOR)).with(csrf())
                .param("recommendation", "APPROVE").param("note", "x")).andExpect(status().isForbidden());
        mvc.perform(get("/landesweit").with(as(AccountRole.COORDINATOR))).andExpect(status().isForbidden());
        mvc.perform(get("/zuwendungen/" + GRANT).with(as(AccountRole.ADMINISTRATOR))).andExpect(status().isForbidden());
        mvc.perform(get("/zuwendungen").with(as(AccountRole.AUDITOR)).param("jahr", String.valueOf(YEAR)).param("status", "REVIEWED"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h1>Zuwendungsregister</h1>"),
                        containsString("<option value=\"REVIEWED\" selected=\"selected\">Geprüft</option>"),
                        containsString("Ankommenstreffpunkt Kalk"))));
        mvc.perform(get("/pruefung").with(as(AccountRole.GRANT_OFFICER))).andExpect(status().isOk());
        verify(commandGateway, never()).send(any());
    }

    @Test
    void a_coordinator_opening_another_centres_grant_by_url_gets_the_403_page() throws Exception {
        mvc.perform(get("/zuwendungen/" + FOREIGN).with(as(AccountRole.COORDINATOR)))
                .andExpect(status().isForbidden())
                .andExpect(content().string(allOf(containsString("<h1>Keine Berechtigung</h1>"),
                        not(containsString("Ankommenstreffpunkt")))));
        mvc.perform(post("/zuwendungen/" + FOREIGN + "/ruecknahme").with(as(AccountRole.COORDINATOR)).with(csrf()).param("reason", "x"))
                .andExpect(status().isForbidden());
        verify(commandGateway, never()).send(any());
    }

    @Test
    void a_start_page_for_each_role() throws Exception {
        mvc.perform(get("/").with(as(AccountRole.GRANT_OFFICER))).andExpect(redirectedUrl("/pruefung"));
        mvc.perform(get("/").with(as(AccountRole.MINISTRY))).andExpect(redirectedUrl("/entscheidungen"));
        mvc.perform(get("/").with(as(AccountRole.AUDITOR))).andExpect(redirectedUrl("/zuwendungen"));
    }
}
