package nrw.komman.web.volunteer;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.admin.AwaitReadModelsQuery;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.volunteer.ConsentRecord;
import nrw.komman.kernel.volunteer.EmailConsentStatus;
import nrw.komman.kernel.volunteer.FetchEmailConsentQuery;
import nrw.komman.kernel.volunteer.FindVolunteerQuery;
import nrw.komman.kernel.volunteer.FindVolunteersQuery;
import nrw.komman.kernel.volunteer.GiveEmailConsentCommand;
import nrw.komman.kernel.volunteer.RegisterVolunteerCommand;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerPage;
import nrw.komman.kernel.volunteer.VolunteerStatus;
import nrw.komman.kernel.volunteer.VolunteerView;
import nrw.komman.kernel.volunteer.WithdrawEmailConsentCommand;
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
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The consent to be contacted by e-mail on the coordinator's forms (issue 19), with the domain replaced by mocked
 * gateways like the other volunteer form tests: optional at registration, every problem at once in German, nothing
 * sent on an error; recorded and withdrawn (after a confirmation) on the volunteer's page. The whole path with the
 * real domain and a real SMTP server is {@code VolunteerEmailsOnH2Test} in the app module.
 */
@SpringBootTest(classes = WebTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:web-email-consent;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.flyway.locations=classpath:db/migration/common",
        "komman.admin.password=Betrieb-Passwort-2025"})
@AutoConfigureMockMvc
class EmailConsentPagesTest {

    private static final CentreId KOELN = new CentreId("05315");
    private static final VolunteerId VOLUNTEER = VolunteerId.random();
    private static final VolunteerView AYLIN = new VolunteerView(VOLUNTEER, KOELN, "Aylin Demir", "aylin.demir@example.org",
            "0221 1234567", null, Set.of("tr"), Set.of(ActivityCategory.EDUCATION), VolunteerStatus.ACTIVE,
            LocalDate.of(2025, 1, 1), new ConsentRecord("Einwilligung", "2024-01", Instant.parse("2025-01-14T23:00:00Z")),
            0, 0, false);

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
        accounts.createIfAbsent("koordination.koeln", "Lange-Passphrase-42", AccountRole.COORDINATOR, KOELN, "test");
        doReturn(CompletableFuture.completedFuture(null)).when(commandGateway).send(any());
        doReturn(CompletableFuture.completedFuture(true)).when(queryGateway)
                .query(any(AwaitReadModelsQuery.class), any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(AYLIN)).when(queryGateway).query(any(FindVolunteerQuery.class), any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(new VolunteerPage(List.of(), 0, 200, 0)))
                .when(queryGateway).query(any(FindVolunteersQuery.class), any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(new nrw.komman.kernel.activity.ActivityPage(List.of(), 0, 50, 0, 0)))
                .when(queryGateway).query(any(nrw.komman.kernel.activity.FindActivitiesQuery.class), any(ResponseType.class));
        consent(new EmailConsentStatus(VOLUNTEER, null, null, null));
    }

    private void consent(EmailConsentStatus status) {
        doReturn(CompletableFuture.completedFuture(status)).when(queryGateway)
                .query(any(FetchEmailConsentQuery.class), any(ResponseType.class));
    }

    private static RequestPostProcessor coordinator() {
        return user(new AccountPrincipal("koordination.koeln", null, AccountRole.COORDINATOR, KOELN, true));
    }

    private static String tomorrow() {
        return LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(1).toString();
    }

    @Test
    void the_registration_offers_the_consent_to_e_mail_unticked_and_without_a_day() throws Exception {
        mvc.perform(get("/ehrenamtliche/neu").with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Einwilligung in den Kontakt per E-Mail (freiwillig)"),
                        containsString("name=\"emailConsentDocument\" value=\"Einwilligung Kontakt per E-Mail\""),
                        containsString("name=\"emailConsentDate\" value=\"\""),
                        not(containsString("name=\"emailConsentGiven\" value=\"true\" checked")))));
    }

    @Test
    void a_ticked_consent_to_e_mail_without_its_details_is_named_with_every_other_problem_and_nothing_is_sent() throws Exception {
        mvc.perform(post("/ehrenamtliche").with(coordinator()).with(csrf())
                        .param("name", "").param("phone", "0221 7654321").param("consentGiven", "true")
                        .param("consentDocument", "Einwilligung").param("consentVersion", "2024-01").param("consentDate", "2025-03-02")
                        .param("emailConsentGiven", "true").param("emailConsentDocument", " ").param("emailConsentVersion", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<title>Fehler: Ehrenamtliche registrieren – KOMM-AN NRW</title>"),
                        containsString("href=\"#name\">Bitte den Namen angeben.</a>"),
                        containsString("href=\"#emailConsentDocument\">Bitte geben Sie die Erklärung zum Kontakt per E-Mail an.</a>"),
                        containsString("href=\"#emailConsentVersion\">Bitte geben Sie die Fassung der Erklärung zum Kontakt per E-Mail an.</a>"),
                        containsString("href=\"#emailConsentDate\">Bitte geben Sie an, wann die Einwilligung in den Kontakt per E-Mail unterschrieben wurde.</a>"))));
        verify(commandGateway, never()).send(any());
    }

    @Test
    void a_consent_to_e_mail_before_the_consent_to_data_processing_or_in_the_future_is_refused() throws Exception {
        mvc.perform(post("/ehrenamtliche").with(coordinator()).with(csrf())
                        .param("name", "Lina Kaya").param("phone", "0221 7654321").param("consentGiven", "true")
                        .param("consentDocument", "Einwilligung").param("consentVersion", "2024-01").param("consentDate", "2025-03-02")
                        .param("emailConsentGiven", "true").param("emailConsentDate", "2025-03-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "href=\"#emailConsentDate\">Die Einwilligung in den Kontakt per E-Mail kann nicht vor der Einwilligung in die Datenverarbeitung (02.03.2025) liegen.")));
        mvc.perform(post("/ehrenamtliche").with(coordinator()).with(csrf())
                        .param("name", "Lina Kaya").param("phone", "0221 7654321").param("consentGiven", "true")
                        .param("consentDocument", "Einwilligung").param("consentVersion", "2024-01").param("consentDate", "2025-03-02")
                        .param("emailConsentGiven", "true").param("emailConsentDate", tomorrow()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "href=\"#emailConsentDate\">Die Einwilligung in den Kontakt per E-Mail kann nicht in der Zukunft unterschrieben sein.")));
        verify(commandGateway, never()).send(any());
    }

    @Test
    void the_details_of_an_unticked_consent_to_e_mail_are_ignored_and_a_ticked_one_is_registered_with_the_volunteer() throws Exception {
        mvc.perform(post("/ehrenamtliche").with(coordinator()).with(csrf())
                        .param("name", "Lina Kaya").param("phone", "0221 7654321").param("consentGiven", "true")
                        .param("consentDocument", "Einwilligung").param("consentVersion", "2024-01").param("consentDate", "2025-03-02")
                        .param("emailConsentDocument", "").param("emailConsentDate", tomorrow()))
                .andExpect(status().is3xxRedirection());
        verify(commandGateway).send(argThat(c -> c instanceof RegisterVolunteerCommand r && r.emailConsent() == null));

        mvc.perform(post("/ehrenamtliche").with(coordinator()).with(csrf())
                        .param("name", "Mehmet Kaya").param("email", "mehmet.kaya@example.org").param("consentGiven", "true")
                        .param("consentDocument", "Einwilligung").param("consentVersion", "2024-01").param("consentDate", "2025-03-02")
                        .param("emailConsentGiven", "true").param("emailConsentDocument", "Einwilligung Kontakt per E-Mail")
                        .param("emailConsentVersion", "2026-01").param("emailConsentDate", "2025-03-02"))
                .andExpect(status().is3xxRedirection());
        verify(commandGateway).send(argThat(c -> c instanceof RegisterVolunteerCommand r && r.emailConsent() != null
                && r.emailConsent().version().equals("2026-01")
                && r.emailConsent().givenAt().equals(Instant.parse("2025-03-01T23:00:00Z"))));
    }

    @Test
    void the_volunteer_page_says_there_is_no_consent_to_e_mail_and_offers_to_record_it() throws Exception {
        mvc.perform(get("/ehrenamtliche/" + VOLUNTEER).with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<h2 id=\"kontakt-per-email\">Kontakt per E-Mail</h2>"),
                        containsString("Keine Einwilligung: Die Plattform schickt der Person keine E-Mails."),
                        containsString("href=\"/ehrenamtliche/" + VOLUNTEER + "/kontakt-per-email\""),
                        not(containsString("/kontakt-per-email/widerruf")))));
    }

    @Test
    void recording_the_consent_later_names_every_problem_in_german_and_sends_nothing_until_it_is_right() throws Exception {
        mvc.perform(post("/ehrenamtliche/" + VOLUNTEER + "/kontakt-per-email").with(coordinator()).with(csrf())
                        .param("document", "").param("version", "").param("date", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<title>Fehler: Einwilligung in den Kontakt per E-Mail erfassen: Aylin Demir"),
                        containsString("href=\"#document\">Bitte geben Sie die Erklärung zum Kontakt per E-Mail an.</a>"),
                        containsString("href=\"#version\">Bitte geben Sie die Fassung der Erklärung zum Kontakt per E-Mail an.</a>"),
                        containsString("href=\"#date\">Bitte geben Sie an, wann die Einwilligung in den Kontakt per E-Mail unterschrieben wurde.</a>"))));
        mvc.perform(post("/ehrenamtliche/" + VOLUNTEER + "/kontakt-per-email").with(coordinator()).with(csrf())
                        .param("document", "Einwilligung Kontakt per E-Mail").param("version", "2026-01").param("date", "2025-01-10"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("(15.01.2025) liegen.")));
        verify(commandGateway, never()).send(any());

        mvc.perform(post("/ehrenamtliche/" + VOLUNTEER + "/kontakt-per-email").with(coordinator()).with(csrf())
                        .param("document", "Einwilligung Kontakt per E-Mail").param("version", "2026-01").param("date", "2025-02-01"))
                .andExpect(redirectedUrl("/ehrenamtliche/" + VOLUNTEER))
                .andExpect(flash().attribute("confirmation", "Die Einwilligung in den Kontakt per E-Mail ist erfasst."));
        verify(commandGateway).send(argThat(c -> c instanceof GiveEmailConsentCommand g && g.volunteerId().equals(VOLUNTEER)
                && g.consent().givenAt().equals(Instant.parse("2025-01-31T23:00:00Z"))));
    }

    @Test
    void a_consent_in_force_is_shown_and_withdrawn_only_after_the_confirmation() throws Exception {
        consent(new EmailConsentStatus(VOLUNTEER, "2026-01", Instant.parse("2025-02-01T23:00:00Z"), null));
        mvc.perform(get("/ehrenamtliche/" + VOLUNTEER).with(coordinator()))
                .andExpect(content().string(allOf(
                        containsString("Eingewilligt (Fassung 2026-01, unterschrieben am 02.02.2025)"),
                        containsString("href=\"/ehrenamtliche/" + VOLUNTEER + "/kontakt-per-email/widerruf\""))));
        mvc.perform(get("/ehrenamtliche/" + VOLUNTEER + "/kontakt-per-email/widerruf").with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Kontakt per E-Mail mit Aylin Demir beenden?"),
                        containsString("Der per E-Mail geschickte Link funktioniert nicht mehr"),
                        containsString("Ja, Einwilligung widerrufen"))));
        verify(commandGateway, never()).send(any());

        mvc.perform(post("/ehrenamtliche/" + VOLUNTEER + "/kontakt-per-email/widerruf").with(coordinator()).with(csrf()))
                .andExpect(redirectedUrl("/ehrenamtliche/" + VOLUNTEER));
        verify(commandGateway).send(argThat(c -> c instanceof WithdrawEmailConsentCommand w && w.volunteerId().equals(VOLUNTEER)));
    }

    @Test
    void without_a_consent_in_force_the_withdrawal_page_has_nothing_to_confirm() throws Exception {
        consent(new EmailConsentStatus(VOLUNTEER, "2026-01", Instant.parse("2025-02-01T23:00:00Z"), Instant.parse("2025-03-01T10:00:00Z")));
        mvc.perform(get("/ehrenamtliche/" + VOLUNTEER).with(coordinator()))
                .andExpect(content().string(containsString("Am 01.03.2025 widerrufen: Die Plattform schickt der Person keine E-Mails.")));
        mvc.perform(get("/ehrenamtliche/" + VOLUNTEER + "/kontakt-per-email/widerruf").with(coordinator()))
                .andExpect(redirectedUrl("/ehrenamtliche/" + VOLUNTEER))
                .andExpect(flash().attribute("refusal", "Es liegt keine Einwilligung in den Kontakt per E-Mail vor, die widerrufen werden könnte."));
        verify(commandGateway, never()).send(any());
    }
}
