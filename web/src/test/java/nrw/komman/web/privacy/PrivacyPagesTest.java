package nrw.komman.web.privacy;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.activity.ActivityPage;
import nrw.komman.kernel.activity.FindActivitiesQuery;
import nrw.komman.kernel.admin.AwaitReadModelsQuery;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.CentreView;
import nrw.komman.kernel.centre.FindCentresQuery;
import nrw.komman.kernel.centre.Regierungsbezirk;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.privacy.EraseVolunteerDataCommand;
import nrw.komman.kernel.privacy.ErasureReason;
import nrw.komman.kernel.privacy.FetchVolunteerDataExportQuery;
import nrw.komman.kernel.privacy.PlanRetentionQuery;
import nrw.komman.kernel.privacy.RetentionPlan;
import nrw.komman.kernel.privacy.RunRetentionCommand;
import nrw.komman.kernel.privacy.VolunteerDataExport;
import nrw.komman.kernel.privacy.WithdrawConsentCommand;
import nrw.komman.kernel.volunteer.ConsentRecord;
import nrw.komman.kernel.volunteer.FindVolunteerQuery;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerStatus;
import nrw.komman.kernel.volunteer.VolunteerView;
import nrw.komman.web.WebTestApplication;
import nrw.komman.web.account.AccountPrincipal;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The data-protection pages with mocked gateways: the "Datenschutz" section of the volunteer's page, the
 * information as PDF and JSON, the withdrawal of consent with its confirmation page, the erasure with its
 * confirmation page and the required tick, the page after erasure, and the administrators' retention page.
 * AccountRole rules, CSRF, and that nothing is sent without the confirmation.
 */
@SpringBootTest(classes = WebTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:web-ui-privacy;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.flyway.locations=classpath:db/migration/common",
        "komman.admin.password=Betrieb-Passwort-2025"})
@AutoConfigureMockMvc
class PrivacyPagesTest {

    private static final CentreId KOELN = new CentreId("05315");
    private static final VolunteerId VOLUNTEER = VolunteerId.random();
    private static final VolunteerId ERASED = VolunteerId.random();
    private static final ZoneId NRW = ZoneId.of("Europe/Berlin");

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    private CommandGateway commandGateway;
    @MockitoBean
    private QueryGateway queryGateway;

    @BeforeEach
    void setUp() {
        doReturn(CompletableFuture.completedFuture(null)).when(commandGateway).send(any());
        doReturn(CompletableFuture.completedFuture(true)).when(queryGateway)
                .query(any(AwaitReadModelsQuery.class), any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(new VolunteerView(VOLUNTEER, KOELN, "Aylin Demir", "aylin@example.org",
                "+49 221 555 0123", "montags", Set.of("tr"), Set.of(ActivityCategory.EDUCATION), VolunteerStatus.ACTIVE,
                LocalDate.of(2025, 1, 1), new ConsentRecord("Einwilligung Ehrenamt", "2024-01", Instant.parse("2025-01-01T09:00:00Z")),
                90, 1, false)))
                .when(queryGateway).query(argThat(q -> q instanceof FindVolunteerQuery f && f.volunteerId().equals(VOLUNTEER)),
                        any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(new VolunteerView(ERASED, KOELN, null, null, null, null, Set.of(), Set.of(),
                VolunteerStatus.INACTIVE, LocalDate.of(2025, 1, 1), null, 90, 1, true)))
                .when(queryGateway).query(argThat(q -> q instanceof FindVolunteerQuery f && f.volunteerId().equals(ERASED)),
                        any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(new ActivityPage(List.of(), 0, 50, 0, 0)))
                .when(queryGateway).query(any(FindActivitiesQuery.class), any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(export(VOLUNTEER, KOELN, false)))
                .when(queryGateway).query(any(FetchVolunteerDataExportQuery.class), any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(List.of(new CentreView(KOELN, "Köln", "Kreisfreie Stadt", Regierungsbezirk.KOELN,
                true, LocalDate.of(2013, 1, 1), null))))
                .when(queryGateway).query(any(FindCentresQuery.class), any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(List.of()))
                .when(queryGateway).query(any(nrw.komman.kernel.privacy.FindRetentionRunsQuery.class), any(ResponseType.class));
    }

    static VolunteerDataExport export(VolunteerId id, CentreId centre, boolean erased) {
        return new VolunteerDataExport(id, centre, "Kommunales Integrationszentrum Köln", erased, VolunteerStatus.ACTIVE,
                LocalDate.of(2025, 1, 1), erased ? null : "Aylin Demir", erased ? null : "aylin@example.org", null, null,
                Set.of("tr"), Set.of(), List.of(new VolunteerDataExport.ConsentEntry("Einwilligung Ehrenamt", "2024-01",
                Instant.parse("2025-01-01T09:00:00Z"), null)), List.of(), Instant.parse("2026-03-14T09:15:30Z"));
    }

    private static RequestPostProcessor coordinator() {
        return user(new AccountPrincipal("koordination.koeln", null, AccountRole.COORDINATOR, KOELN, true));
    }

    private static RequestPostProcessor as(AccountRole role) {
        return user(new AccountPrincipal(role.name().toLowerCase(), null, role, null, true));
    }

    // ---- the volunteer's page ---------------------------------------------------------------------

    @Test
    void the_volunteer_page_has_a_privacy_section_with_the_information_withdrawal_and_erasure() throws Exception {
        mvc.perform(get("/ehrenamtliche/" + VOLUNTEER).with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h2 id=\"datenschutz\">Datenschutz</h2>"),
                        containsString("href=\"/ehrenamtliche/" + VOLUNTEER + "/auskunft.pdf\""),
                        containsString("Auskunft (PDF)"), containsString("Auskunft (JSON)"),
                        containsString("href=\"/ehrenamtliche/" + VOLUNTEER + "/widerruf\""),
                        containsString("Einwilligung widerrufen"),
                        containsString("href=\"/ehrenamtliche/" + VOLUNTEER + "/loeschung\""),
                        containsString("Personenbezogene Daten löschen"), containsString("aylin@example.org"))));
    }

    @Test
    void after_erasure_the_page_says_so_shows_no_personal_data_and_offers_no_erasure() throws Exception {
        mvc.perform(get("/ehrenamtliche/" + ERASED).with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Die personenbezogenen Daten dieser Person wurden gelöscht."),
                        containsString("<h1>(Daten gelöscht)</h1>"), containsString(ERASED.toString()),
                        containsString("Auskunft (PDF)"),
                        not(containsString("/loeschung\"")), not(containsString("/widerruf\"")),
                        not(containsString("Angaben ändern")), not(containsString("E-Mail-Adresse</dt>")))));
        // the flash of the redirect, handed over as the dispatcher does: MockMvc's flashAttr writes into its own mock
        // session, which Spring Session's filter (sessions in the database, ADR 23) does not read
        mvc.perform(get("/ehrenamtliche/" + ERASED).with(coordinator()).requestAttr(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, Map.of("erasedOn", LocalDate.of(2026, 3, 14))))
                .andExpect(content().string(containsString("Daten gelöscht am 14.03.2026.")));
    }

    // ---- the information (Art. 15) ------------------------------------------------------------------

    @Test
    void the_information_downloads_as_pdf_and_json_never_cached() throws Exception {
        byte[] pdf = mvc.perform(get("/ehrenamtliche/" + VOLUNTEER + "/auskunft.pdf").with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, containsString("attachment")))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, containsString("auskunft-05315-")))
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, containsString("no-store")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        mvc.perform(get("/ehrenamtliche/" + VOLUNTEER + "/auskunft.json").with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, containsString(".json")))
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, containsString("no-store")))
                .andExpect(content().string(allOf(containsString("\"name\" : \"Aylin Demir\""),
                        containsString("\"volunteerId\" : \"" + VOLUNTEER + "\""), containsString("\"consents\""))));
    }

    @Test
    void another_centres_information_is_refused() throws Exception {
        VolunteerId foreign = VolunteerId.random();
        doReturn(CompletableFuture.completedFuture(export(foreign, new CentreId("05111"), false)))
                .when(queryGateway).query(argThat(q -> q instanceof FetchVolunteerDataExportQuery f && f.volunteerId().equals(foreign)),
                        any(ResponseType.class));
        mvc.perform(get("/ehrenamtliche/" + foreign + "/auskunft.pdf").with(coordinator()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(not(containsString("Aylin"))));
    }

    @Test
    void only_coordinators_reach_the_volunteer_pages_of_data_protection() throws Exception {
        for (AccountRole role : List.of(AccountRole.ADMINISTRATOR, AccountRole.MINISTRY, AccountRole.AUDITOR, AccountRole.GRANT_OFFICER)) {
            mvc.perform(get("/ehrenamtliche/" + VOLUNTEER + "/auskunft.pdf").with(as(role))).andExpect(status().isForbidden());
            mvc.perform(get("/ehrenamtliche/" + VOLUNTEER + "/loeschung").with(as(role))).andExpect(status().isForbidden());
            mvc.perform(post("/ehrenamtliche/" + VOLUNTEER + "/loeschung").with(as(role)).with(csrf()).param("confirmed", "true"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/ehrenamtliche/" + VOLUNTEER + "/widerruf").with(as(role)).with(csrf())
                    .param("date", "2026-01-01").param("time", "10:00").param("step", "confirm")).andExpect(status().isForbidden());
        }
        verify(commandGateway, never()).send(any());
    }

    // ---- erasure (Art. 17) -----------------------------------------------------------------------------

    @Test
    void the_erasure_confirmation_names_what_goes_and_what_stays_with_an_unticked_box() throws Exception {
        mvc.perform(get("/ehrenamtliche/" + VOLUNTEER + "/loeschung").with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<h1>Personenbezogene Daten von Aylin Demir löschen?</h1>"),
                        containsString("Gelöscht werden sofort und endgültig"), containsString("E-Mail-Adresse und Telefonnummer"),
                        containsString("Erhalten bleiben"), containsString("unter der pseudonymen Kennung " + VOLUNTEER),
                        containsString("type=\"checkbox\""), not(containsString("checked=\"checked\"")),
                        containsString("name=\"_csrf\""), containsString("Daten endgültig löschen"))));
        verify(commandGateway, never()).send(any());
    }

    @Test
    void without_the_tick_nothing_is_erased_and_the_page_says_why() throws Exception {
        mvc.perform(post("/ehrenamtliche/" + VOLUNTEER + "/loeschung").with(coordinator()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<title>Fehler: Personenbezogene Daten löschen – KOMM-AN NRW</title>"),
                        containsString("href=\"#confirmed1\">Bitte bestätigen Sie die Löschung mit dem Häkchen.</a>"),
                        containsString("id=\"confirmed-fehler\""))));
        verify(commandGateway, never()).send(any());
    }

    @Test
    void without_csrf_token_nothing_is_erased() throws Exception {
        mvc.perform(post("/ehrenamtliche/" + VOLUNTEER + "/loeschung").with(coordinator()).param("confirmed", "true"))
                .andExpect(status().isForbidden());
        verify(commandGateway, never()).send(any());
    }

    @Test
    void with_the_tick_the_data_is_erased_and_the_volunteer_page_follows() throws Exception {
        mvc.perform(post("/ehrenamtliche/" + VOLUNTEER + "/loeschung").with(coordinator()).with(csrf()).param("confirmed", "true"))
                .andExpect(redirectedUrl("/ehrenamtliche/" + VOLUNTEER))
                .andExpect(flash().attribute("confirmation",
                        "Die personenbezogenen Daten sind gelöscht. Die Einsätze bleiben unter der pseudonymen Kennung erhalten."))
                .andExpect(flash().attributeExists("erasedOn"));
        verify(commandGateway).send(argThat(c -> c instanceof EraseVolunteerDataCommand e && e.volunteerId().equals(VOLUNTEER)
                && e.reason() == ErasureReason.REQUEST));
    }

    @Test
    void an_erasure_refused_by_the_domain_stays_on_the_page() throws Exception {
        doReturn(CompletableFuture.failedFuture(new RuleViolationException("volunteer.already-erased",
                "Die Daten dieser Person wurden bereits gelöscht."))).when(commandGateway).send(any(EraseVolunteerDataCommand.class));
        mvc.perform(post("/ehrenamtliche/" + VOLUNTEER + "/loeschung").with(coordinator()).with(csrf()).param("confirmed", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("class=\"error-summary\""),
                        containsString("Die Daten dieser Person wurden bereits gelöscht."))));
    }

    @Test
    void an_erased_volunteer_has_no_erasure_or_withdrawal_page() throws Exception {
        mvc.perform(get("/ehrenamtliche/" + ERASED + "/loeschung").with(coordinator()))
                .andExpect(redirectedUrl("/ehrenamtliche/" + ERASED))
                .andExpect(flash().attribute("refusal", "Die personenbezogenen Daten dieser Person wurden bereits gelöscht."));
        mvc.perform(get("/ehrenamtliche/" + ERASED + "/widerruf").with(coordinator()))
                .andExpect(redirectedUrl("/ehrenamtliche/" + ERASED));
    }

    // ---- withdrawal of consent ---------------------------------------------------------------------------

    @Test
    void the_withdrawal_goes_through_a_confirmation_that_says_the_data_is_erased_at_once() throws Exception {
        mvc.perform(get("/ehrenamtliche/" + VOLUNTEER + "/widerruf").with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("type=\"date\""), containsString("type=\"time\""),
                        containsString("value=\"" + LocalDate.now(NRW) + "\""),
                        containsString("Einwilligung Ehrenamt, Fassung 2024-01"))));

        mvc.perform(post("/ehrenamtliche/" + VOLUNTEER + "/widerruf").with(coordinator()).with(csrf())
                        .param("date", "2026-01-05").param("time", "14:30"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Widerruf erfassen und Daten von Aylin Demir löschen?"),
                        containsString("05.01.2026, 14:30 Uhr"), containsString("sofort und endgültig gelöscht"),
                        containsString("name=\"step\" value=\"confirm\""), containsString("value=\"14:30\""))));
        verify(commandGateway, never()).send(any());

        mvc.perform(post("/ehrenamtliche/" + VOLUNTEER + "/widerruf").with(coordinator()).with(csrf())
                        .param("date", "2026-01-05").param("time", "14:30").param("step", "confirm"))
                .andExpect(redirectedUrl("/ehrenamtliche/" + VOLUNTEER))
                .andExpect(flash().attribute("confirmation", containsString("Der Widerruf ist erfasst.")));
        Instant expected = LocalDateTime.of(2026, 1, 5, 14, 30).atZone(NRW).toInstant();
        verify(commandGateway).send(argThat(c -> c instanceof WithdrawConsentCommand w && w.volunteerId().equals(VOLUNTEER)
                && w.withdrawnAt().equals(expected)));
    }

    @Test
    void a_withdrawal_in_the_future_or_without_a_time_stays_on_the_form() throws Exception {
        LocalDate tomorrow = LocalDate.now(NRW).plusDays(1);
        mvc.perform(post("/ehrenamtliche/" + VOLUNTEER + "/widerruf").with(coordinator()).with(csrf())
                        .param("date", tomorrow.toString()).param("time", "08:00").param("step", "confirm"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("class=\"error-summary\""),
                        containsString("href=\"#date\">Der Zeitpunkt des Widerrufs darf nicht in der Zukunft liegen.</a>"))));
        mvc.perform(post("/ehrenamtliche/" + VOLUNTEER + "/widerruf").with(coordinator()).with(csrf())
                        .param("date", "2026-01-05").param("time", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#time\">Bitte die Uhrzeit des Widerrufs angeben, z. B. 14:30.</a>")));
        mvc.perform(post("/ehrenamtliche/" + VOLUNTEER + "/widerruf").with(coordinator()).with(csrf())
                        .param("date", "2026-01-05").param("time", "25:99"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Bitte eine gültige Uhrzeit angeben, z. B. 14:30.")));
        verify(commandGateway, never()).send(any());
    }

    @Test
    void change_on_the_confirmation_goes_back_to_the_form_with_the_input() throws Exception {
        mvc.perform(post("/ehrenamtliche/" + VOLUNTEER + "/widerruf").with(coordinator()).with(csrf())
                        .param("date", "2026-01-05").param("time", "14:30").param("step", "change"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Weiter zur Bestätigung"), containsString("value=\"2026-01-05\""))));
        verify(commandGateway, never()).send(any());
    }

    // ---- the administrators' retention page --------------------------------------------------------------

    private static final VolunteerId DUE = VolunteerId.random();

    private void plans(RetentionPlan... plans) {
        CompletableFuture<?>[] answers = java.util.Arrays.stream(plans).map(CompletableFuture::completedFuture)
                .toArray(CompletableFuture[]::new);
        doReturn(answers[0], java.util.Arrays.copyOfRange(answers, 1, answers.length))
                .when(queryGateway).query(any(PlanRetentionQuery.class), any(ResponseType.class));
    }

    private static RetentionPlan due() {
        return new RetentionPlan(LocalDate.of(2026, 11, 25), 3, 5,
                List.of(new RetentionPlan.DueVolunteer(DUE, KOELN, LocalDate.of(2022, 6, 30))),
                List.of(new RetentionPlan.DueGrantFile("1a2b3c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d", KOELN, 2020, LocalDate.of(2021, 3, 31))));
    }

    private static RetentionPlan nothingDue() {
        return new RetentionPlan(LocalDate.of(2026, 11, 25), 3, 5, List.of(),
                List.of(new RetentionPlan.DueGrantFile("1a2b3c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d", KOELN, 2020, LocalDate.of(2021, 3, 31))));
    }

    @Test
    void the_retention_page_shows_the_rules_and_the_dry_run_by_pseudonymous_id_and_centre() throws Exception {
        plans(due());
        mvc.perform(get("/verwaltung/aufbewahrung").with(as(AccountRole.ADMINISTRATOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h1>Aufbewahrung und Löschfristen</h1>"),
                        containsString("seit 3 vollen Jahren inaktiv"), containsString("5 volle Jahre nach dem Verwendungsnachweis"),
                        containsString(DUE.toString()), containsString("Köln (05315)"), containsString("30.06.2022"),
                        containsString("1a2b3c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d"), containsString("31.03.2021"),
                        containsString("aria-current=\"page\""), containsString("href=\"/verwaltung/aufbewahrung/lauf\""))));
    }

    /** ADR 39: the past runs, by an administrator and on the platform's schedule, and the schedule in force. */
    @Test
    void the_retention_page_lists_the_past_runs_by_hand_and_on_the_platforms_schedule() throws Exception {
        plans(nothingDue());
        mvc.perform(get("/verwaltung/aufbewahrung").with(as(AccountRole.ADMINISTRATOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Es gab noch keinen Löschlauf."),
                        containsString("nach dem Zeitplan 02:30"))));

        doReturn(CompletableFuture.completedFuture(List.of(
                new nrw.komman.kernel.privacy.RetentionRunSummary("2026-11-26-scheduled023000", LocalDate.of(2026, 11, 26),
                        Instant.parse("2026-11-26T01:30:04Z"), "system", true, 3, 5, 2, 1),
                new nrw.komman.kernel.privacy.RetentionRunSummary("2026-11-25-3f2a9c1b", LocalDate.of(2026, 11, 25),
                        Instant.parse("2026-11-25T10:15:00Z"), "betrieb", false, 3, 5, 0, 1))))
                .when(queryGateway).query(any(nrw.komman.kernel.privacy.FindRetentionRunsQuery.class), any(ResponseType.class));
        mvc.perform(get("/verwaltung/aufbewahrung").with(as(AccountRole.ADMINISTRATOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Bisherige Löschläufe"),
                        containsString("data-run=\"2026-11-26-scheduled023000\""), containsString("Plattform (Zeitplan)"),
                        containsString("data-run=\"2026-11-25-3f2a9c1b\""), containsString("betrieb"),
                        not(containsString("Es gab noch keinen Löschlauf.")))));
    }

    @Test
    void a_run_needs_the_tick_then_runs_once_and_shows_its_result_after_the_redirect() throws Exception {
        plans(due());
        mvc.perform(get("/verwaltung/aufbewahrung/lauf").with(as(AccountRole.ADMINISTRATOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Löschlauf jetzt ausführen?"),
                        containsString("einer Person, die seit mindestens 3 vollen Jahren inaktiv ist"),
                        not(containsString("checked=\"checked\"")))));
        mvc.perform(post("/verwaltung/aufbewahrung/lauf").with(as(AccountRole.ADMINISTRATOR)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Bitte bestätigen Sie den Löschlauf mit dem Häkchen.")));
        mvc.perform(post("/verwaltung/aufbewahrung/lauf").with(as(AccountRole.ADMINISTRATOR)).param("confirmed", "true"))
                .andExpect(status().isForbidden());
        verify(commandGateway, never()).send(any());

        plans(due(), nothingDue());
        doReturn(CompletableFuture.completedFuture(export(DUE, KOELN, true)))
                .when(queryGateway).query(any(FetchVolunteerDataExportQuery.class), any(ResponseType.class));
        mvc.perform(post("/verwaltung/aufbewahrung/lauf").with(as(AccountRole.ADMINISTRATOR)).with(csrf()).param("confirmed", "true"))
                .andExpect(redirectedUrl("/verwaltung/aufbewahrung"))
                .andExpect(flash().attribute("confirmation", allOf(containsString("ist ausgeführt und protokolliert: eine Person gelöscht"),
                        containsString("eine Förderakte zur Aussonderung fällig"))))
                .andExpect(flash().attribute("runErased", List.of(new nrw.komman.web.privacy.RetentionPages.ErasedRow(
                        DUE.toString(), "05315", LocalDate.of(2022, 6, 30)))));
        verify(commandGateway).send(argThat(c -> c instanceof RunRetentionCommand r
                && r.runId().matches(LocalDate.now(NRW) + "-[0-9a-f]{8}")));

        plans(nothingDue());
        mvc.perform(get("/verwaltung/aufbewahrung").with(as(AccountRole.ADMINISTRATOR))
                        .requestAttr(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, Map.of("runId", "2026-11-25-3f2a9c1b",
                                "runErased", List.of(new nrw.komman.web.privacy.RetentionPages.ErasedRow(
                                        DUE.toString(), "05315", LocalDate.of(2022, 6, 30))))))
                .andExpect(content().string(allOf(containsString("Ergebnis des Löschlaufs 2026-11-25-3f2a9c1b"),
                        containsString(DUE.toString()), containsString("Niemand ist zur Löschung fällig."))));
    }

    @Test
    void a_refused_run_stays_on_the_confirmation_page() throws Exception {
        plans(due());
        doReturn(CompletableFuture.failedFuture(new RuleViolationException("retention.run.duplicate",
                "Dieser Löschlauf wurde bereits ausgeführt."))).when(commandGateway).send(any(RunRetentionCommand.class));
        mvc.perform(post("/verwaltung/aufbewahrung/lauf").with(as(AccountRole.ADMINISTRATOR)).with(csrf()).param("confirmed", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dieser Löschlauf wurde bereits ausgeführt.")));
    }

    @Test
    void only_administrators_reach_the_retention_pages() throws Exception {
        plans(due());
        for (AccountRole role : List.of(AccountRole.COORDINATOR, AccountRole.MINISTRY, AccountRole.AUDITOR, AccountRole.GRANT_OFFICER)) {
            RequestPostProcessor who = role == AccountRole.COORDINATOR ? coordinator() : as(role);
            mvc.perform(get("/verwaltung/aufbewahrung").with(who)).andExpect(status().isForbidden());
            mvc.perform(post("/verwaltung/aufbewahrung/lauf").with(who).with(csrf()).param("confirmed", "true"))
                    .andExpect(status().isForbidden());
        }
        verify(commandGateway, never()).send(any());
    }

    @Test
    void a_forbidden_answer_of_the_domain_is_the_403_page() throws Exception {
        doReturn(CompletableFuture.failedFuture(new ForbiddenException("volunteer.erase.forbidden", "Nicht erlaubt.")))
                .when(commandGateway).send(any(EraseVolunteerDataCommand.class));
        mvc.perform(post("/ehrenamtliche/" + VOLUNTEER + "/loeschung").with(coordinator()).with(csrf()).param("confirmed", "true"))
                .andExpect(status().isForbidden());
    }
}
