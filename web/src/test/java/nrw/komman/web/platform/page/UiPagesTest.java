package nrw.komman.web.platform.page;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.activity.LogActivityCommand;
import nrw.komman.kernel.admin.AwaitReadModelsQuery;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.CentreView;
import nrw.komman.kernel.centre.FindCentreQuery;
import nrw.komman.kernel.centre.Regierungsbezirk;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.volunteer.FindVolunteerQuery;
import nrw.komman.kernel.volunteer.RegisterVolunteerCommand;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerStatus;
import nrw.komman.kernel.volunteer.VolunteerView;
import nrw.komman.web.WebTestApplication;
import nrw.komman.web.account.AccountPrincipal;
import nrw.komman.web.account.AccountService;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

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
 * The browser pages with the domain replaced by mocked gateways: sign-in page, CSRF, role start
 * pages, field errors and rule violations on the form, post-redirect-get, the German 403 page.
 * The real journeys run in Chromium in the app module ({@code nrw.komman.app.browser}).
 */
@SpringBootTest(classes = WebTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:web-ui;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.flyway.locations=classpath:db/migration/common",
        "komman.admin.password=Betrieb-Passwort-2025"})
@AutoConfigureMockMvc
class UiPagesTest {

    private static final String PASSWORD = "Lange-Passphrase-42";
    private static final CentreId KOELN = new CentreId("05315");
    private static final VolunteerId VOLUNTEER = VolunteerId.random();

    @Autowired
    private MockMvc mvc;
    @Autowired
    private AccountService accounts;
    @MockitoBean
    private CommandGateway commandGateway;
    @MockitoBean
    private QueryGateway queryGateway;

    @BeforeEach
    void setUp() {
        accounts.createIfAbsent("koordination.koeln", PASSWORD, AccountRole.COORDINATOR, KOELN, "test");
        doReturn(CompletableFuture.completedFuture(null)).when(commandGateway).send(any());
        doReturn(CompletableFuture.completedFuture(true)).when(queryGateway)
                .query(any(AwaitReadModelsQuery.class), any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(new CentreView(KOELN, "Köln", "Kreisfreie Stadt", Regierungsbezirk.values()[0],
                true, LocalDate.of(2013, 1, 1), null))).when(queryGateway).query(any(FindCentreQuery.class), any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(new VolunteerView(VOLUNTEER, KOELN, "Aylin Demir", "aylin@example.org", null,
                null, Set.of("tr"), Set.of(ActivityCategory.EDUCATION), VolunteerStatus.ACTIVE, LocalDate.of(2025, 1, 1), null,
                0, 0, false))).when(queryGateway).query(any(FindVolunteerQuery.class), any(ResponseType.class));
        // the registration looks for active volunteers of the same name (none here)
        doReturn(CompletableFuture.completedFuture(new nrw.komman.kernel.volunteer.VolunteerPage(java.util.List.of(), 0, 200, 0)))
                .when(queryGateway).query(any(nrw.komman.kernel.volunteer.FindVolunteersQuery.class), any(ResponseType.class));
        // the activity form offers the centre's approved grants
        doReturn(CompletableFuture.completedFuture(java.util.List.of())).when(queryGateway)
                .query(any(nrw.komman.kernel.grant.FindGrantsQuery.class), any(ResponseType.class));
    }

    private static RequestPostProcessor coordinator() {
        return user(new AccountPrincipal("koordination.koeln", null, AccountRole.COORDINATOR, KOELN, true));
    }

    @Test
    void the_sign_in_page_is_german_with_a_csrf_token_and_signing_in_leads_a_coordinator_to_the_dashboard() throws Exception {
        mvc.perform(get("/login").accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<html lang=\"de\""), containsString("<h1>Anmelden</h1>"),
                        containsString("name=\"_csrf\""), containsString("href=\"/barrierefreiheit\""),
                        containsString("Zum Inhalt springen"))));
        mvc.perform(SecurityMockMvcRequestBuilders.formLogin("/login").user("koordination.koeln").password(PASSWORD))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/").with(coordinator())).andExpect(redirectedUrl("/zentrum"));
        mvc.perform(SecurityMockMvcRequestBuilders.formLogin("/login").user("koordination.koeln").password("falsch"))
                .andExpect(redirectedUrl("/login?fehler"));
    }

    @Test
    void english_is_available() throws Exception {
        mvc.perform(get("/login").param("lang", "en"))
                .andExpect(content().string(allOf(containsString("<html lang=\"en\""), containsString("<h1>Sign in</h1>"))));
    }

    @Test
    void a_form_without_csrf_token_is_refused() throws Exception {
        mvc.perform(post("/ehrenamtliche").with(coordinator()).param("name", "Aylin Demir"))
                .andExpect(status().isForbidden());
        verify(commandGateway, never()).send(any());
    }

    @Test
    void a_page_that_meets_the_database_away_says_so_in_german_with_retry_after_not_as_an_error() throws Exception {
        doReturn(CompletableFuture.failedFuture(new org.springframework.jdbc.CannotGetJdbcConnectionException("pool empty")))
                .when(queryGateway).query(any(), any(ResponseType.class));
        mvc.perform(get("/zentrum").with(coordinator()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(content().string(allOf(containsString("Vorübergehend nicht verfügbar"),
                        not(containsString("Vorgangsnummer")))));
    }

    @Test
    void other_roles_may_not_open_the_coordinators_pages() throws Exception {
        mvc.perform(get("/zentrum").with(user(new AccountPrincipal("bezreg", null, AccountRole.GRANT_OFFICER, null, true))))
                .andExpect(status().isForbidden());
    }

    @Test
    void a_registration_with_errors_keeps_the_input_and_sends_nothing() throws Exception {
        mvc.perform(post("/ehrenamtliche").with(coordinator()).with(csrf())
                        .param("name", "").param("email", "aylin@").param("phone", "0221 1234567")
                        .param("consentDocument", "Einwilligung").param("consentVersion", "2024-01").param("consentDate", "2025-01-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<title>Fehler: Ehrenamtliche registrieren – KOMM-AN NRW</title>"),
                        containsString("href=\"#name\">Bitte den Namen angeben.</a>"),
                        containsString("href=\"#consentGiven1\""),
                        containsString("id=\"email-fehler\""),
                        containsString("value=\"aylin@\""),
                        containsString("value=\"0221 1234567\""))));
        verify(commandGateway, never()).send(any());
    }

    @Test
    void a_successful_registration_redirects_to_the_volunteer_with_a_confirmation() throws Exception {
        mvc.perform(post("/ehrenamtliche").with(coordinator()).with(csrf())
                        .param("name", "Aylin Demir").param("email", "aylin@example.org").param("languages", "tr", "de")
                        .param("otherLanguages", "ku").param("interests", "EDUCATION").param("consentGiven", "true")
                        .param("consentDocument", "Einwilligung").param("consentVersion", "2024-01").param("consentDate", "2025-01-01"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("confirmation", "Die Registrierung ist gespeichert."));
        verify(commandGateway).send(argThat(c -> c instanceof RegisterVolunteerCommand r
                && r.centreId().equals(KOELN) && r.personalData().languages().equals(Set.of("de", "ku", "tr"))));
    }

    @Test
    void a_volunteer_with_a_phone_number_and_no_email_address_can_be_registered() throws Exception {
        mvc.perform(post("/ehrenamtliche").with(coordinator()).with(csrf())
                        .param("name", "Aylin Demir").param("email", "").param("phone", "0221 1234567")
                        .param("consentGiven", "true").param("consentDocument", "Einwilligung").param("consentVersion", "2024-01")
                        .param("consentDate", "2025-01-01"))
                .andExpect(status().is3xxRedirection());
        verify(commandGateway).send(argThat(c -> c instanceof RegisterVolunteerCommand r && r.personalData().email() == null
                && "0221 1234567".equals(r.personalData().phone())));
    }

    @Test
    void a_rule_violation_of_the_command_side_is_shown_on_the_form() throws Exception {
        doReturn(CompletableFuture.failedFuture(new RuleViolationException("activity.volunteer-inactive",
                "Für inaktive Ehrenamtliche können keine Einsätze erfasst werden.")))
                .when(commandGateway).send(any(LogActivityCommand.class));
        mvc.perform(post("/ehrenamtliche/" + VOLUNTEER + "/einsaetze").with(coordinator()).with(csrf())
                        .param("date", "2025-03-01").param("minutes", "90").param("category", "EDUCATION"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("class=\"error-summary\""),
                        containsString("Für inaktive Ehrenamtliche können keine Einsätze erfasst werden."),
                        containsString("value=\"90\""),
                        containsString("id=\"dauer-hinweis\">Stunden und Minuten, z. B. 1 Stunde und 30 Minuten"))));
    }

    @Test
    void another_centres_volunteer_gives_the_german_403_page() throws Exception {
        VolunteerId foreign = VolunteerId.random();
        doReturn(CompletableFuture.failedFuture(new ForbiddenException("centre.foreign",
                "Sie können nur die Daten Ihres eigenen Integrationszentrums einsehen.")))
                .when(queryGateway).query(argThat(q -> q instanceof FindVolunteerQuery f && f.volunteerId().equals(foreign)),
                        any(ResponseType.class));
        mvc.perform(get("/ehrenamtliche/" + foreign).with(coordinator()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(allOf(containsString("<h1>Keine Berechtigung</h1>"),
                        containsString("Sie können nur die Daten Ihres eigenen Integrationszentrums einsehen."),
                        not(containsString("Aylin")))));
    }
}
