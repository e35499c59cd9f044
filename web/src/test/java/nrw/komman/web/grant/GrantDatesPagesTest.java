package nrw.komman.web.grant;

import nrw.komman.kernel.admin.AwaitReadModelsQuery;
import nrw.komman.kernel.audit.ChainVerification;
import nrw.komman.kernel.audit.VerifyGrantChainQuery;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.CentreView;
import nrw.komman.kernel.centre.FindCentreQuery;
import nrw.komman.kernel.centre.FindCentresQuery;
import nrw.komman.kernel.centre.Regierungsbezirk;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.grant.ApproveGrantCommand;
import nrw.komman.kernel.grant.ExtendUsageReportDueCommand;
import nrw.komman.kernel.grant.FetchGrantHistoryQuery;
import nrw.komman.kernel.grant.FetchProgrammeDatesQuery;
import nrw.komman.kernel.grant.FindGrantQuery;
import nrw.komman.kernel.grant.FindGrantsQuery;
import nrw.komman.kernel.grant.GrantHistory;
import nrw.komman.kernel.grant.GrantHistoryEntry;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.GrantStatus;
import nrw.komman.kernel.grant.GrantTranche;
import nrw.komman.kernel.grant.GrantView;
import nrw.komman.kernel.grant.ProgrammeDates;
import nrw.komman.kernel.grant.ProgrammeDatesOverview;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.kernel.grant.Recommendation;
import nrw.komman.kernel.grant.ReportTrancheSpentCommand;
import nrw.komman.kernel.grant.SetProgrammeDatesCommand;
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
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dates that matter in grants (issue 19) in the browser and the API, with mocked gateways: due dates and what is
 * overdue in words on the grant page and in the worklists (overdue first), the grant authority's extension, the
 * centre's "spent" per tranche, the approval's due date, the ministry's programme dates; bad input stays on the form
 * in German and sends nothing; the API answers 400 for it.
 */
@SpringBootTest(classes = WebTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:web-ui-grant-dates;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.flyway.locations=classpath:db/migration/common",
        "komman.admin.password=Betrieb-Passwort-2025"})
@AutoConfigureMockMvc
class GrantDatesPagesTest {

    private static final CentreId KOELN = new CentreId("05315");
    private static final CentreId DUESSELDORF = new CentreId("05111");
    private static final int YEAR = LocalDate.now(ZoneId.of("Europe/Berlin")).getYear();
    private static final LocalDate DUE = LocalDate.of(YEAR + 1, 6, 30);
    private static final GrantId OVERDUE = GrantId.random();
    private static final GrantId ON_TIME = GrantId.random();
    private static final GrantId REVIEWED = GrantId.random();
    private static final GrantId APPLIED_LATE = GrantId.random();

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    private CommandGateway commandGateway;
    @MockitoBean
    private QueryGateway queryGateway;

    private final Map<GrantId, GrantView> grants = new ConcurrentHashMap<>();
    private volatile ProgrammeDatesOverview programmeDates;

    private static Money euros(long euros) {
        return Money.ofCents(euros * 100);
    }

    private static GrantView grant(GrantId id, String title, GrantStatus status, Money approved, LocalDate due,
                                   boolean usageReportOverdue, boolean reviewOverdue, boolean decisionOverdue,
                                   List<GrantTranche> tranches) {
        return new GrantView(id, KOELN, "Köln", Regierungsbezirk.KOELN, YEAR, ProgrammePart.PART_II_A, title,
                "Wöchentliches Begegnungscafé", status, euros(12_000), approved, Recommendation.APPROVE, "Förderfähig",
                null, LocalDate.of(YEAR, 1, 10), "koordination.koeln", "bezreg", approved == null ? null : "ministerium",
                approved == null ? null : LocalDate.of(YEAR, 1, 20), approved == null ? "DECISION" : "REQUEST_FUNDS",
                approved == null ? Money.ZERO : euros(6_000), Money.ZERO, null, null, null, null, null, null, null,
                Money.ZERO, null, null, due, usageReportOverdue, reviewOverdue, decisionOverdue, tranches);
    }

    private static GrantHistory history(GrantId id) {
        return new GrantHistory(id, KOELN, List.of(
                new GrantHistoryEntry(5, "USAGE_REPORT_OVERDUE", Instant.parse("2026-07-01T04:00:00Z"), null, AccountRole.SYSTEM,
                        GrantStatus.APPROVED, GrantStatus.APPROVED, euros(10_000), euros(10_000), null, null,
                        euros(6_000), euros(6_000), null, LocalDate.of(2026, 6, 30)),
                new GrantHistoryEntry(6, "USAGE_REPORT_DUE_EXTENDED", Instant.parse("2026-07-02T08:00:00Z"), "bezreg",
                        AccountRole.GRANT_OFFICER, GrantStatus.APPROVED, GrantStatus.APPROVED, euros(10_000), euros(10_000),
                        null, "Personalwechsel", euros(6_000), euros(6_000), LocalDate.of(2026, 6, 30), LocalDate.of(2026, 9, 30))));
    }

    @BeforeEach
    void setUp() {
        grants.clear();
        grants.put(OVERDUE, grant(OVERDUE, "Ankommenstreffpunkt Kalk", GrantStatus.APPROVED, euros(10_000), DUE, true, false, false,
                List.of(new GrantTranche(1, euros(4_000), LocalDate.of(YEAR, 2, 1), LocalDate.of(YEAR, 4, 1), LocalDate.of(YEAR, 3, 15), false),
                        new GrantTranche(2, euros(2_000), LocalDate.of(YEAR, 3, 1), LocalDate.of(YEAR, 5, 1), null, true))));
        grants.put(ON_TIME, grant(ON_TIME, "Begegnungscafé Mülheim", GrantStatus.APPROVED, euros(10_000), DUE, false, false, false,
                List.of()));
        grants.put(REVIEWED, grant(REVIEWED, "Sprachpatenschaften", GrantStatus.REVIEWED, null, null, false, false, true, List.of()));
        grants.put(APPLIED_LATE, grant(APPLIED_LATE, "Lotsenprojekt", GrantStatus.APPLIED, null, null, false, true, false, List.of()));
        programmeDates = new ProgrammeDatesOverview(java.util.Arrays.stream(ProgrammePart.values())
                .map(p -> p == ProgrammePart.PART_II_A
                        ? new ProgrammeDatesOverview.Row(new ProgrammeDates(p, 3, 2, 8, 5), true, Instant.parse("2026-01-05T09:00:00Z"), "ministerium")
                        : new ProgrammeDatesOverview.Row(ProgrammeDates.defaults(p), false, null, null)).toList());

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
        doAnswer(inv -> CompletableFuture.completedFuture(new ChainVerification(((VerifyGrantChainQuery) inv.getArgument(0)).grantId(),
                true, 7, "ab".repeat(32), null, List.of(), Instant.parse("2026-07-03T08:00:00Z"))))
                .when(queryGateway).query(any(VerifyGrantChainQuery.class), any(ResponseType.class));
        doAnswer(inv -> {
            GrantStatus status = ((FindGrantsQuery) inv.getArgument(0)).status();
            // the on-time grant first, as the register's order could put it
            List<GrantView> all = new ArrayList<>(List.of(grants.get(ON_TIME), grants.get(OVERDUE), grants.get(REVIEWED),
                    grants.get(APPLIED_LATE)));
            return CompletableFuture.completedFuture(all.stream().filter(g -> status == null || g.status() == status).toList());
        }).when(queryGateway).query(any(FindGrantsQuery.class), any(ResponseType.class));
        doAnswer(inv -> CompletableFuture.completedFuture(programmeDates))
                .when(queryGateway).query(any(FetchProgrammeDatesQuery.class), any(ResponseType.class));
    }

    private static RequestPostProcessor as(AccountRole role) {
        return user(new AccountPrincipal(role.name().toLowerCase(), null, role, role == AccountRole.COORDINATOR ? KOELN : null, true));
    }

    private static RequestPostProcessor duesseldorf() {
        return user(new AccountPrincipal("koordination.duesseldorf", null, AccountRole.COORDINATOR, DUESSELDORF, true));
    }

    private String page(String path, AccountRole role) throws Exception {
        return mvc.perform(get(path).with(as(role))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static String date(LocalDate day) {
        return nrw.komman.kernel.common.Nrw.date(day);
    }

    // ---- the grant page ----------------------------------------------------------------------------

    @Test
    void the_grant_page_says_in_words_what_is_overdue_and_shows_the_due_date_and_each_tranche() throws Exception {
        String html = page("/zuwendungen/" + OVERDUE, AccountRole.AUDITOR);

        assertThat(html).contains("<strong>Überfällig:</strong>",
                "<li>Der Verwendungsnachweis ist überfällig (Frist: " + date(DUE) + ").</li>",
                "<li>Tranche 2 (2.000,00\u00A0€) ist nicht als verausgabt gemeldet (Frist: " + date(LocalDate.of(YEAR, 5, 1)) + ").</li>",
                "<dt>Frist für den Verwendungsnachweis</dt>", date(DUE), "(überfällig)",
                "<h2 id=\"tranchen\">Auszahlungen und Verwendung</h2>",
                "Als verausgabt gemeldet am " + date(LocalDate.of(YEAR, 3, 15)),
                "Überfällig: nicht als verausgabt gemeldet (Frist: " + date(LocalDate.of(YEAR, 5, 1)) + ")");
        assertThat(html).as("the auditor changes nothing").doesNotContain("/verausgabt\"", "/frist\"");
        assertThat(page("/zuwendungen/" + ON_TIME, AccountRole.AUDITOR)).doesNotContain("Überfällig:", "(überfällig)");
    }

    @Test
    void the_history_shows_the_facts_of_the_dates_with_their_dates_in_german_and_english() throws Exception {
        assertThat(page("/zuwendungen/" + OVERDUE, AccountRole.AUDITOR)).contains("<span>Verwendungsnachweis überfällig</span>",
                "<span>Frist für den Verwendungsnachweis geändert</span>", "<dt>Frist</dt>", "<dd>30.06.2026</dd>",
                "<dd>30.06.2026 → 30.09.2026</dd>", "<dd>Personalwechsel</dd>");
        String english = mvc.perform(get("/zuwendungen/" + OVERDUE).param("lang", "en").with(as(AccountRole.AUDITOR)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("<span>Usage report overdue</span>", "<span>Usage report due date changed</span>",
                "<dt>Due date</dt>", "The usage report is overdue (due " + date(DUE) + ").");
    }

    @Test
    void only_the_grant_authority_may_extend_and_only_the_centre_report_a_tranche_spent() throws Exception {
        assertThat(page("/zuwendungen/" + OVERDUE, AccountRole.GRANT_OFFICER))
                .contains("href=\"/zuwendungen/" + OVERDUE + "/frist\">Frist verlängern</a>").doesNotContain("/verausgabt\"");
        String coordinator = page("/zuwendungen/" + OVERDUE, AccountRole.COORDINATOR);
        assertThat(coordinator).contains("action=\"/zentrum/zuwendungen/" + OVERDUE + "/tranchen/2/verausgabt\"",
                        "Tranche 2 als verausgabt melden", "name=\"_csrf\"")
                .as("a tranche reported already has no button").doesNotContain("/tranchen/1/verausgabt\"")
                .doesNotContain("/frist\"");
        assertThat(page("/zuwendungen/" + OVERDUE, AccountRole.MINISTRY)).doesNotContain("/frist\"", "/verausgabt\"");

        for (AccountRole role : List.of(AccountRole.COORDINATOR, AccountRole.MINISTRY, AccountRole.AUDITOR, AccountRole.ADMINISTRATOR)) {
            mvc.perform(get("/zuwendungen/" + OVERDUE + "/frist").with(as(role))).andExpect(status().isForbidden());
            mvc.perform(post("/zuwendungen/" + OVERDUE + "/frist").with(as(role)).with(csrf())
                    .param("dueOn", DUE.plusMonths(3).toString()).param("reason", "x")).andExpect(status().isForbidden());
        }
        for (AccountRole role : List.of(AccountRole.GRANT_OFFICER, AccountRole.MINISTRY, AccountRole.AUDITOR, AccountRole.ADMINISTRATOR)) {
            mvc.perform(post("/zentrum/zuwendungen/" + OVERDUE + "/tranchen/2/verausgabt").with(as(role)).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post("/zentrum/zuwendungen/" + OVERDUE + "/tranchen/2/verausgabt").with(duesseldorf()).with(csrf()))
                .andExpect(status().isForbidden());
        // without the CSRF token
        mvc.perform(post("/zentrum/zuwendungen/" + OVERDUE + "/tranchen/2/verausgabt").with(as(AccountRole.COORDINATOR)))
                .andExpect(status().isForbidden());
        verify(commandGateway, never()).send(any());
    }

    // ---- the extension ---------------------------------------------------------------------------

    @Test
    void the_extension_is_sent_with_its_date_and_reason() throws Exception {
        assertThat(page("/zuwendungen/" + OVERDUE + "/frist", AccountRole.GRANT_OFFICER))
                .contains("<h1>Frist für den Verwendungsnachweis ändern: Ankommenstreffpunkt Kalk</h1>",
                        "value=\"" + DUE + "\"", "Bisher: " + date(DUE));

        LocalDate later = DUE.plusMonths(3);
        mvc.perform(post("/zuwendungen/" + OVERDUE + "/frist").with(as(AccountRole.GRANT_OFFICER)).with(csrf())
                        .param("dueOn", later.toString()).param("reason", "Personalwechsel im Zentrum"))
                .andExpect(redirectedUrl("/zuwendungen/" + OVERDUE))
                .andExpect(flash().attribute("confirmation", "Die Frist für den Verwendungsnachweis von „Ankommenstreffpunkt Kalk“ ist jetzt der "
                        + date(later) + "."));
        verify(commandGateway).send(argThat(c -> c instanceof ExtendUsageReportDueCommand e && e.grantId().equals(OVERDUE)
                && e.dueOn().equals(later) && e.reason().equals("Personalwechsel im Zentrum")));
    }

    @Test
    void an_extension_without_date_or_reason_names_both_problems_in_german_and_sends_nothing() throws Exception {
        String html = mvc.perform(post("/zuwendungen/" + OVERDUE + "/frist").with(as(AccountRole.GRANT_OFFICER)).with(csrf())
                        .param("dueOn", "").param("reason", " "))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("<title>Fehler: Frist verlängern – KOMM-AN NRW</title>", "id=\"dueOn-fehler\"",
                "Bitte die neue Frist angeben.", "id=\"reason-fehler\"", "Bitte begründen, warum die Frist geändert wird.");

        String malformed = mvc.perform(post("/zuwendungen/" + OVERDUE + "/frist").with(as(AccountRole.GRANT_OFFICER)).with(csrf())
                        .param("dueOn", "31.02.2027").param("reason", "Krankheit"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(malformed).contains("Bitte die neue Frist als gültiges Datum angeben.", "Krankheit</textarea>");
        verify(commandGateway, never()).send(any());
    }

    @Test
    void the_command_sides_refusal_of_an_extension_stays_at_the_date() throws Exception {
        doReturn(CompletableFuture.failedFuture(new RuleViolationException("grant.usage-report-due.unchanged",
                "Die neue Frist ist dieselbe wie bisher."))).when(commandGateway).send(any(ExtendUsageReportDueCommand.class));
        String html = mvc.perform(post("/zuwendungen/" + OVERDUE + "/frist").with(as(AccountRole.GRANT_OFFICER)).with(csrf())
                        .param("dueOn", DUE.toString()).param("reason", "Versehen"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"dueOn-fehler\"", "href=\"#dueOn\">Die neue Frist ist dieselbe wie bisher.");
    }

    // ---- a tranche spent ---------------------------------------------------------------------------

    @Test
    void the_centre_reports_a_tranche_spent_and_a_refusal_is_said_on_the_grant_page() throws Exception {
        mvc.perform(post("/zentrum/zuwendungen/" + OVERDUE + "/tranchen/2/verausgabt").with(as(AccountRole.COORDINATOR)).with(csrf()))
                .andExpect(redirectedUrl("/zuwendungen/" + OVERDUE))
                .andExpect(flash().attribute("confirmation", "Tranche 2 von „Ankommenstreffpunkt Kalk“ ist als verausgabt gemeldet."));
        verify(commandGateway).send(argThat(c -> c instanceof ReportTrancheSpentCommand r && r.grantId().equals(OVERDUE)
                && r.tranche() == 2));

        doReturn(CompletableFuture.failedFuture(new RuleViolationException("grant.tranche-spent.already",
                "Tranche 2 ist bereits als verausgabt gemeldet."))).when(commandGateway).send(any(ReportTrancheSpentCommand.class));
        mvc.perform(post("/zentrum/zuwendungen/" + OVERDUE + "/tranchen/2/verausgabt").with(as(AccountRole.COORDINATOR)).with(csrf()))
                .andExpect(redirectedUrl("/zuwendungen/" + OVERDUE))
                .andExpect(flash().attribute("refusal", "Tranche 2 ist bereits als verausgabt gemeldet."));

        clearInvocations(commandGateway);
        mvc.perform(post("/zentrum/zuwendungen/" + OVERDUE + "/tranchen/zwei/verausgabt").with(as(AccountRole.COORDINATOR)).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/zentrum/zuwendungen/" + OVERDUE + "/tranchen/0/verausgabt").with(as(AccountRole.COORDINATOR)).with(csrf()))
                .andExpect(status().isBadRequest());
        verify(commandGateway, never()).send(any());
    }

    // ---- the approval's due date ----------------------------------------------------------------

    @Test
    void the_approval_form_offers_the_programme_parts_due_date_and_sends_the_chosen_one() throws Exception {
        LocalDate partDefault = new ProgrammeDates(ProgrammePart.PART_II_A, 3, 2, 8, 5).usageReportDue(YEAR);
        assertThat(page("/zuwendungen/" + REVIEWED + "/entscheidung", AccountRole.MINISTRY))
                .contains("Frist für den Verwendungsnachweis (bei Bewilligung)", "value=\"" + partDefault + "\"",
                        "Vorgabe des Programmteils: " + date(partDefault));

        LocalDate chosen = LocalDate.of(YEAR + 1, 9, 30);
        mvc.perform(post("/zuwendungen/" + REVIEWED + "/entscheidung").with(as(AccountRole.MINISTRY)).with(csrf())
                        .param("decision", "APPROVE").param("approvedAmount", "10.000").param("usageReportDue", chosen.toString()))
                .andExpect(redirectedUrl("/zuwendungen/" + REVIEWED));
        verify(commandGateway).send(argThat(c -> c instanceof ApproveGrantCommand a && a.grantId().equals(REVIEWED)
                && chosen.equals(a.usageReportDue())));

        clearInvocations(commandGateway);
        mvc.perform(post("/zuwendungen/" + REVIEWED + "/entscheidung").with(as(AccountRole.MINISTRY)).with(csrf())
                        .param("decision", "APPROVE").param("approvedAmount", "10.000").param("usageReportDue", ""))
                .andExpect(redirectedUrl("/zuwendungen/" + REVIEWED));
        verify(commandGateway).send(argThat(c -> c instanceof ApproveGrantCommand a && a.usageReportDue() == null));

        // the prefilled default left as it is is no choice: the command side takes the part's default
        clearInvocations(commandGateway);
        mvc.perform(post("/zuwendungen/" + REVIEWED + "/entscheidung").with(as(AccountRole.MINISTRY)).with(csrf())
                        .param("decision", "APPROVE").param("approvedAmount", "10.000").param("usageReportDue", partDefault.toString()))
                .andExpect(redirectedUrl("/zuwendungen/" + REVIEWED));
        verify(commandGateway).send(argThat(c -> c instanceof ApproveGrantCommand a && a.usageReportDue() == null));
    }

    @Test
    void a_due_date_within_the_funding_year_is_refused_at_its_field_and_nothing_is_sent() throws Exception {
        String html = mvc.perform(post("/zuwendungen/" + REVIEWED + "/entscheidung").with(as(AccountRole.MINISTRY)).with(csrf())
                        .param("decision", "APPROVE").param("approvedAmount", "10.000")
                        .param("usageReportDue", LocalDate.of(YEAR, 12, 31).toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"usageReportDue-fehler\"",
                "Die Frist für den Verwendungsnachweis muss nach dem Ende des Förderjahres " + YEAR + " liegen.");
        String malformed = mvc.perform(post("/zuwendungen/" + REVIEWED + "/entscheidung").with(as(AccountRole.MINISTRY)).with(csrf())
                        .param("decision", "APPROVE").param("approvedAmount", "10.000").param("usageReportDue", "morgen"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(malformed).contains("Bitte die Frist für den Verwendungsnachweis als gültiges Datum angeben.");
        verify(commandGateway, never()).send(any());
    }

    // ---- the worklists: overdue first, in words -------------------------------------------------

    @Test
    void the_worklists_show_what_is_overdue_first_and_in_words() throws Exception {
        String worklist = page("/bewirtschaftung", AccountRole.GRANT_OFFICER);
        assertThat(worklist).contains("<h2 id=\"ueberfaellig\">Überfällige Fristen (1)</h2>",
                "Der Verwendungsnachweis ist überfällig (Frist: " + date(DUE) + ").; Tranche 2",
                "href=\"/zuwendungen/" + OVERDUE + "/frist\">Frist verlängern: Ankommenstreffpunkt Kalk</a>");
        assertThat(worklist.indexOf("ueberfaellig")).isLessThan(worklist.indexOf("id=\"abrufe\""));

        String centre = page("/zentrum/zuwendungen", AccountRole.COORDINATOR);
        assertThat(centre.indexOf("Ankommenstreffpunkt Kalk")).as("overdue first").isLessThan(centre.indexOf("Begegnungscafé Mülheim"));
        assertThat(centre).contains("class=\"overdue-mark\"", "Der Verwendungsnachweis ist überfällig");

        String register = page("/zuwendungen", AccountRole.MINISTRY);
        assertThat(register.indexOf("Ankommenstreffpunkt Kalk")).isLessThan(register.indexOf("Begegnungscafé Mülheim"));
        assertThat(page("/entscheidungen", AccountRole.MINISTRY)).contains("Sprachpatenschaften", "Die Entscheidung ist überfällig.");
        assertThat(page("/pruefung", AccountRole.GRANT_OFFICER)).contains("Lotsenprojekt", "Die Antragsprüfung ist überfällig.");
    }

    // ---- the ministry's programme dates ---------------------------------------------------------

    @Test
    void the_ministry_sees_every_programme_parts_dates_and_changes_them() throws Exception {
        String html = page("/fristen", AccountRole.MINISTRY);
        assertThat(html).contains("<h1>Fristen</h1>", "href=\"/fristen\"", "aria-current=\"page\"",
                "6 Monate nach Ende des Förderjahres", "3 Monate nach Ende des Förderjahres", "Vorgabe (nicht geändert)",
                "href=\"/fristen/PART_II_A\"", "href=\"/fristen/PART_III\"", "ministerium");

        assertThat(page("/fristen/PART_II_A", AccountRole.MINISTRY)).contains("value=\"3\"", "value=\"2\"", "value=\"8\"", "value=\"5\"");
        mvc.perform(post("/fristen/PART_II_A").with(as(AccountRole.MINISTRY)).with(csrf())
                        .param("usageReportMonthsAfterYearEnd", "9").param("reminderWeeksBefore", "6")
                        .param("reviewWithinWeeks", "4").param("decisionWithinWeeks", "3").param("reason", "Erlass vom 1. März"))
                .andExpect(redirectedUrl("/fristen"));
        verify(commandGateway).send(argThat(c -> c instanceof SetProgrammeDatesCommand s
                && s.dates().equals(new ProgrammeDates(ProgrammePart.PART_II_A, 9, 6, 4, 3))
                && s.programmePart().equals("PART_II_A") && "Erlass vom 1. März".equals(s.reason())));
    }

    @Test
    void programme_dates_out_of_range_empty_or_not_numbers_name_every_problem_and_send_nothing() throws Exception {
        String html = mvc.perform(post("/fristen/PART_I").with(as(AccountRole.MINISTRY)).with(csrf())
                        .param("usageReportMonthsAfterYearEnd", "0").param("reminderWeeksBefore", "")
                        .param("reviewWithinWeeks", "sechs").param("decisionWithinWeeks", "27"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Der Verwendungsnachweis muss 1 bis 24 Monate nach Ende des Förderjahres fällig sein.",
                "Bitte angeben, wie viele Wochen vor der Frist erinnert wird.", "Bitte die Wochen als ganze Zahl angeben, z. B. 6.",
                "Die Frist für die Entscheidung muss 1 bis 26 Wochen betragen.", "id=\"usageReportMonthsAfterYearEnd-fehler\"",
                "id=\"reminderWeeksBefore-fehler\"", "id=\"reviewWithinWeeks-fehler\"", "id=\"decisionWithinWeeks-fehler\"");
        verify(commandGateway, never()).send(any());
    }

    @Test
    void only_the_ministry_reaches_the_programme_dates_and_an_unknown_part_is_not_found() throws Exception {
        for (AccountRole role : List.of(AccountRole.COORDINATOR, AccountRole.GRANT_OFFICER, AccountRole.AUDITOR, AccountRole.ADMINISTRATOR)) {
            mvc.perform(get("/fristen").with(as(role))).andExpect(status().isForbidden());
            mvc.perform(post("/fristen/PART_I").with(as(role)).with(csrf()).param("usageReportMonthsAfterYearEnd", "6")
                    .param("reminderWeeksBefore", "4").param("reviewWithinWeeks", "6").param("decisionWithinWeeks", "4"))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/fristen/PART_IV").with(as(AccountRole.MINISTRY))).andExpect(status().isNotFound());
        assertThat(page("/entscheidungen", AccountRole.MINISTRY)).contains("href=\"/fristen\"");
        verify(commandGateway, never()).send(any());
    }

    // ---- the API --------------------------------------------------------------------------------

    @Test
    void the_api_takes_the_new_dates_and_refuses_bad_input_with_400() throws Exception {
        mvc.perform(post("/api/grants/" + OVERDUE + "/usage-report-due").with(as(AccountRole.GRANT_OFFICER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"dueOn\":\"" + DUE.plusMonths(2) + "\",\"reason\":\"Krankheit\"}"))
                .andExpect(status().isNoContent());
        verify(commandGateway).send(argThat(c -> c instanceof ExtendUsageReportDueCommand e && e.dueOn().equals(DUE.plusMonths(2))));
        mvc.perform(post("/api/grants/" + OVERDUE + "/tranches/2/spent").with(as(AccountRole.COORDINATOR)))
                .andExpect(status().isNoContent());
        verify(commandGateway).send(argThat(c -> c instanceof ReportTrancheSpentCommand r && r.tranche() == 2));
        mvc.perform(put("/api/programme-dates/PART_II_B").with(as(AccountRole.MINISTRY)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"usageReportMonthsAfterYearEnd\":6,\"reminderWeeksBefore\":4,\"reviewWithinWeeks\":6,\"decisionWithinWeeks\":4}"))
                .andExpect(status().isNoContent());
        mvc.perform(post("/api/grants/" + REVIEWED + "/approval").with(as(AccountRole.MINISTRY)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"approvedAmount\":\"9000.00\",\"usageReportDue\":\"" + (YEAR + 1) + "-03-31\"}"))
                .andExpect(status().isNoContent());
        verify(commandGateway).send(argThat(c -> c instanceof ApproveGrantCommand a
                && LocalDate.of(YEAR + 1, 3, 31).equals(a.usageReportDue())));
        String dates = mvc.perform(get("/api/programme-dates").with(as(AccountRole.AUDITOR))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(dates).contains("\"part\":\"PART_II_A\"", "\"usageReportMonthsAfterYearEnd\":3", "\"set\":true");

        clearInvocations(commandGateway);
        String missing = mvc.perform(post("/api/grants/" + OVERDUE + "/usage-report-due").with(as(AccountRole.GRANT_OFFICER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"\"}"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(missing).contains("dueOn", "reason", "fehlt");
        mvc.perform(post("/api/grants/" + OVERDUE + "/usage-report-due").with(as(AccountRole.GRANT_OFFICER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"dueOn\":\"30.09.2027\",\"reason\":\"x\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/grants/" + OVERDUE + "/tranches/eins/spent").with(as(AccountRole.COORDINATOR)))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/programme-dates/PART_II_B").with(as(AccountRole.MINISTRY)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"usageReportMonthsAfterYearEnd\":0,\"reminderWeeksBefore\":13,\"reviewWithinWeeks\":6}"))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/programme-dates/PART_IX").with(as(AccountRole.MINISTRY)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"usageReportMonthsAfterYearEnd\":6,\"reminderWeeksBefore\":4,\"reviewWithinWeeks\":6,\"decisionWithinWeeks\":4}"))
                .andExpect(status().isBadRequest());
        // half a month is no number of months
        mvc.perform(put("/api/programme-dates/PART_II_B").with(as(AccountRole.MINISTRY)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"usageReportMonthsAfterYearEnd\":6.5,\"reminderWeeksBefore\":4,\"reviewWithinWeeks\":6,\"decisionWithinWeeks\":4}"))
                .andExpect(status().isBadRequest());
        verify(commandGateway, never()).send(any());

        mvc.perform(put("/api/programme-dates/PART_II_B").with(as(AccountRole.GRANT_OFFICER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"usageReportMonthsAfterYearEnd\":6,\"reminderWeeksBefore\":4,\"reviewWithinWeeks\":6,\"decisionWithinWeeks\":4}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/grants/" + OVERDUE + "/usage-report-due").with(as(AccountRole.COORDINATOR))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"dueOn\":\"2027-09-30\",\"reason\":\"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/programme-dates").with(as(AccountRole.ADMINISTRATOR))).andExpect(status().isForbidden());
    }
}
