package nrw.komman.web.volunteer;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.admin.AwaitReadModelsQuery;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.volunteer.FindVolunteerQuery;
import nrw.komman.kernel.volunteer.FindVolunteersQuery;
import nrw.komman.kernel.volunteer.RegisterVolunteerCommand;
import nrw.komman.kernel.volunteer.UpdateVolunteerProfileCommand;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerPage;
import nrw.komman.kernel.volunteer.VolunteerStatus;
import nrw.komman.kernel.volunteer.VolunteerView;
import nrw.komman.kernel.volunteer.ConsentRecord;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The volunteer forms with the domain replaced by mocked gateways (issue 17): every problem in one answer, no
 * pre-filled consent date, the warning of a possible duplicate, languages by name. The real journeys run in
 * Chromium ({@code VolunteerFormsInTheBrowserTest} in the app module).
 */
@SpringBootTest(classes = WebTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:web-volunteer-forms;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.flyway.locations=classpath:db/migration/common",
        "komman.admin.password=Betrieb-Passwort-2025"})
@AutoConfigureMockMvc
class VolunteerFormPagesTest {

    private static final CentreId KOELN = new CentreId("05315");
    private static final VolunteerId VOLUNTEER = VolunteerId.random();
    private static final VolunteerView AYLIN = new VolunteerView(VOLUNTEER, KOELN, "Aylin Demir", "aylin.demir@example.org",
            "0221 1234567", null, Set.of("tr", "prs"), Set.of(ActivityCategory.EDUCATION), VolunteerStatus.ACTIVE,
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
        roster();
        doReturn(CompletableFuture.completedFuture(new nrw.komman.kernel.activity.ActivityPage(List.of(), 0, 50, 0, 0)))
                .when(queryGateway).query(any(nrw.komman.kernel.activity.FindActivitiesQuery.class), any(ResponseType.class));
    }

    private void roster(VolunteerView... active) {
        doReturn(CompletableFuture.completedFuture(new VolunteerPage(List.of(active), 0, 200, active.length)))
                .when(queryGateway).query(any(FindVolunteersQuery.class), any(ResponseType.class));
    }

    private static RequestPostProcessor coordinator() {
        return user(new AccountPrincipal("koordination.koeln", null, AccountRole.COORDINATOR, KOELN, true));
    }

    private static String tomorrow() {
        return LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(1).toString();
    }

    @Test
    void the_date_of_the_consent_is_not_pre_filled() throws Exception {
        mvc.perform(get("/ehrenamtliche/neu").with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"consentDate\""),
                        containsString("name=\"consentDate\" value=\"\""))));
    }

    @Test
    void an_empty_registration_names_every_problem_at_once_including_the_contact_rule() throws Exception {
        mvc.perform(post("/ehrenamtliche").with(coordinator()).with(csrf())
                        .param("consentDocument", "Einwilligung").param("consentVersion", "2024-01")
                        .param("otherLanguages", "Klingonisch"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<title>Fehler: Ehrenamtliche registrieren – KOMM-AN NRW</title>"),
                        containsString("href=\"#name\">Bitte den Namen angeben.</a>"),
                        containsString("href=\"#email\">Bitte eine E-Mail-Adresse oder eine Telefonnummer angeben.</a>"),
                        containsString("href=\"#otherLanguages\">„Klingonisch“ kennen wir nicht als Sprache."),
                        containsString("href=\"#consentGiven1\""),
                        containsString("href=\"#consentDate\">Bitte das Datum der Einwilligung angeben.</a>"))));
        verify(commandGateway, never()).send(any());
    }

    @Test
    void a_consent_signed_tomorrow_is_refused_together_with_the_other_problems() throws Exception {
        mvc.perform(post("/ehrenamtliche").with(coordinator()).with(csrf())
                        .param("name", "").param("phone", "ruf an").param("consentGiven", "true")
                        .param("consentDocument", "Einwilligung").param("consentVersion", "2024-01").param("consentDate", tomorrow())
                        .param("registeredOn", tomorrow()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("href=\"#name\">Bitte den Namen angeben.</a>"),
                        containsString("href=\"#phone\">Die Telefonnummer ist ungültig"),
                        containsString("href=\"#consentDate\">Die Einwilligung kann nicht in der Zukunft unterschrieben sein."),
                        containsString("href=\"#registeredOn\">Das Datum der Registrierung darf nicht in der Zukunft liegen."))));
        verify(commandGateway, never()).send(any());
    }

    @Test
    void the_consent_is_recorded_for_the_day_entered_without_a_time_of_day() throws Exception {
        mvc.perform(post("/ehrenamtliche").with(coordinator()).with(csrf())
                        .param("name", "Lina Kaya").param("phone", "0221 7654321").param("consentGiven", "true")
                        .param("consentDocument", "Einwilligung").param("consentVersion", "2024-01").param("consentDate", "2025-03-02"))
                .andExpect(status().is3xxRedirection());
        verify(commandGateway).send(argThat(c -> c instanceof RegisterVolunteerCommand r
                && r.consent().givenAt().equals(Instant.parse("2025-03-01T23:00:00Z"))));
    }

    @Test
    void a_name_of_an_active_volunteer_warns_and_registers_only_when_asked_to() throws Exception {
        roster(AYLIN);
        mvc.perform(post("/ehrenamtliche").with(coordinator()).with(csrf())
                        .param("name", "  aylin   DEMIR ").param("email", "aylin.d@example.org").param("consentGiven", "true")
                        .param("consentDocument", "Einwilligung").param("consentVersion", "2024-01").param("consentDate", "2025-03-02"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        not(containsString("<title>Fehler:")),
                        containsString("Ist die Person schon registriert?"),
                        containsString("registriert seit 01.01.2025"),
                        containsString("E-Mail a…@example.org"),
                        containsString("Telefonnummer endet auf 4567"),
                        not(containsString("aylin.demir@example.org")),
                        containsString("name=\"despiteDuplicates\" value=\"true\""))));
        verify(commandGateway, never()).send(any());

        mvc.perform(post("/ehrenamtliche").with(coordinator()).with(csrf())
                        .param("name", "  aylin   DEMIR ").param("email", "aylin.d@example.org").param("consentGiven", "true")
                        .param("consentDocument", "Einwilligung").param("consentVersion", "2024-01").param("consentDate", "2025-03-02")
                        .param("despiteDuplicates", "true"))
                .andExpect(status().is3xxRedirection());
        verify(commandGateway).send(any(RegisterVolunteerCommand.class));
    }

    @Test
    void another_name_registers_without_a_warning() throws Exception {
        roster(AYLIN);
        mvc.perform(post("/ehrenamtliche").with(coordinator()).with(csrf())
                        .param("name", "Aylin Demirci").param("email", "aylin.d@example.org").param("consentGiven", "true")
                        .param("consentDocument", "Einwilligung").param("consentVersion", "2024-01").param("consentDate", "2025-03-02"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void languages_are_chosen_by_name_and_dari_is_one_of_them() throws Exception {
        mvc.perform(get("/ehrenamtliche/neu").with(coordinator()))
                .andExpect(content().string(allOf(containsString(">Dari</label>"), containsString("<datalist id=\"sprachen-liste\">"),
                        containsString("<option value=\"Amharisch\">"), not(containsString("ISO")))));
        mvc.perform(post("/ehrenamtliche").with(coordinator()).with(csrf())
                        .param("name", "Lina Kaya").param("phone", "0221 7654321").param("languages", "prs")
                        .param("otherLanguages", "kurdisch (sorani); Tigrinya, ku")
                        .param("consentGiven", "true").param("consentDocument", "Einwilligung").param("consentVersion", "2024-01")
                        .param("consentDate", "2025-03-02"))
                .andExpect(status().is3xxRedirection());
        verify(commandGateway).send(argThat(c -> c instanceof RegisterVolunteerCommand r
                && r.personalData().languages().equals(Set.of("prs", "ckb", "ti", "ku"))));
    }

    @Test
    void the_profile_form_shows_further_languages_by_name_and_names_every_problem_at_once() throws Exception {
        mvc.perform(get("/ehrenamtliche/" + VOLUNTEER + "/bearbeiten").with(coordinator()))
                .andExpect(content().string(containsString("name=\"otherLanguages\" value=\"\"")));
        // languages without a tick box are shown by their German names in the free field, never as codes
        VolunteerView withFurther = new VolunteerView(VOLUNTEER, KOELN, "Aylin Demir", "aylin.demir@example.org",
                "0221 1234567", null, Set.of("tr", "kab"), Set.of(ActivityCategory.EDUCATION), VolunteerStatus.ACTIVE,
                LocalDate.of(2025, 1, 1), AYLIN.consent(), 0, 0, false);
        doReturn(CompletableFuture.completedFuture(withFurther)).when(queryGateway)
                .query(any(FindVolunteerQuery.class), any(ResponseType.class));
        mvc.perform(get("/ehrenamtliche/" + VOLUNTEER + "/bearbeiten").with(coordinator()))
                .andExpect(content().string(containsString("name=\"otherLanguages\" value=\"Kabylisch\"")));
        mvc.perform(post("/ehrenamtliche/" + VOLUNTEER + "/bearbeiten").with(coordinator()).with(csrf())
                        .param("name", "").param("email", "").param("phone", "").param("otherLanguages", "Elbisch"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("href=\"#name\">Bitte den Namen angeben.</a>"),
                        containsString("href=\"#email\">Bitte eine E-Mail-Adresse oder eine Telefonnummer angeben.</a>"),
                        containsString("href=\"#otherLanguages\">„Elbisch“ kennen wir nicht als Sprache."))));
        verify(commandGateway, never()).send(any(UpdateVolunteerProfileCommand.class));
    }

    @Test
    void the_volunteer_page_starts_with_the_name_shows_the_consent_day_only_and_keeps_the_id_behind_a_click() throws Exception {
        mvc.perform(get("/ehrenamtliche/" + VOLUNTEER).with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<h1>Aylin Demir</h1>"),
                        containsString("Einwilligung, Fassung 2024-01, erteilt am 15.01.2025"),
                        not(containsString("00:00")),
                        containsString("Dari, Türkisch"),
                        containsString("<summary>Technische Angaben</summary>"))));
    }
}
