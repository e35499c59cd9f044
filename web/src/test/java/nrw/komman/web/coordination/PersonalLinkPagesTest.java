package nrw.komman.web.coordination;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.activity.ActivityPage;
import nrw.komman.kernel.activity.FindActivitiesQuery;
import nrw.komman.kernel.admin.AwaitReadModelsQuery;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.coordination.AssignmentId;
import nrw.komman.kernel.coordination.AssignmentStatus;
import nrw.komman.kernel.coordination.AssignmentView;
import nrw.komman.kernel.coordination.Availability;
import nrw.komman.kernel.coordination.CertificateId;
import nrw.komman.kernel.coordination.CertificateLine;
import nrw.komman.kernel.coordination.CertificateVerification;
import nrw.komman.kernel.coordination.ConfirmAssignmentCommand;
import nrw.komman.kernel.coordination.DayPart;
import nrw.komman.kernel.coordination.DeclineAssignmentCommand;
import nrw.komman.kernel.coordination.FetchVolunteerAvailabilityQuery;
import nrw.komman.kernel.coordination.FetchVolunteerLinkStatusQuery;
import nrw.komman.kernel.coordination.FetchVolunteerOwnPageQuery;
import nrw.komman.kernel.coordination.FindVolunteerAssignmentsQuery;
import nrw.komman.kernel.coordination.HelpRequestId;
import nrw.komman.kernel.coordination.IssueCertificateCommand;
import nrw.komman.kernel.coordination.IssueVolunteerLinkCommand;
import nrw.komman.kernel.coordination.ResolveVolunteerLinkQuery;
import nrw.komman.kernel.coordination.RevokeVolunteerLinkCommand;
import nrw.komman.kernel.coordination.Schedule;
import nrw.komman.kernel.coordination.UpdateAvailabilityCommand;
import nrw.komman.kernel.coordination.VerifyCertificateQuery;
import nrw.komman.kernel.coordination.VolunteerAssignments;
import nrw.komman.kernel.coordination.VolunteerLinkId;
import nrw.komman.kernel.coordination.VolunteerLinkResolution;
import nrw.komman.kernel.coordination.VolunteerLinkStatus;
import nrw.komman.kernel.coordination.VolunteerOwnPage;
import nrw.komman.kernel.volunteer.ConsentRecord;
import nrw.komman.kernel.volunteer.FindVolunteerQuery;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerStatus;
import nrw.komman.kernel.volunteer.VolunteerView;
import nrw.komman.web.WebTestApplication;
import nrw.komman.web.account.AccountPrincipal;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The volunteer's personal link with mocked gateways: issuing (the token shown once, only its hash sent) and revoking
 * by the coordinator; the volunteer's own page, answers, availability, certificate and calendar through the link,
 * acting as the volunteer (never as a signed-in account); the one 404 for every link that does not work; the headers
 * of these pages; the public check of a certificate; no account ever gets the role VOLUNTEER.
 */
@SpringBootTest(classes = WebTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:web-ui-links;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.flyway.locations=classpath:db/migration/common",
        "komman.admin.password=Betrieb-Passwort-2025"})
@AutoConfigureMockMvc
class PersonalLinkPagesTest {

    private static final CentreId KOELN = new CentreId("05315");
    private static final VolunteerId VOLUNTEER = VolunteerId.random();
    private static final VolunteerId SOMEONE_ELSE = VolunteerId.random();
    private static final String TOKEN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";
    private static final String REVOKED = "ZZZdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";
    private static final HelpRequestId REQUEST = HelpRequestId.random();
    private static final AssignmentId ASKED = AssignmentId.random();
    private static final AssignmentId PAST = AssignmentId.random();
    private static final AssignmentId FOREIGN = AssignmentId.random();
    private static final CertificateId CERTIFICATE = CertificateId.random();
    private static final LocalDate NEXT_TUESDAY = LocalDate.now().plusWeeks(1).with(DayOfWeek.TUESDAY);

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
        doReturn(CompletableFuture.completedFuture(new VolunteerView(VOLUNTEER, KOELN, "Amina Haddad", "amina@example.org",
                null, "dienstags", Set.of("prs"), Set.of(ActivityCategory.ACCOMPANIMENT), VolunteerStatus.ACTIVE,
                LocalDate.of(2025, 1, 1), new ConsentRecord("Einwilligung Ehrenamt", "2024-01", Instant.parse("2025-01-01T09:00:00Z")),
                90, 1, false)))
                .when(queryGateway).query(argThat(q -> q instanceof FindVolunteerQuery f && f.volunteerId().equals(VOLUNTEER)),
                        any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(new ActivityPage(List.of(), 0, 50, 0, 0)))
                .when(queryGateway).query(any(FindActivitiesQuery.class), any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(new VolunteerLinkStatus(VOLUNTEER, VolunteerLinkId.random(), LocalDate.of(2027, 6, 1))))
                .when(queryGateway).query(any(FetchVolunteerLinkStatusQuery.class), any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(availability()))
                .when(queryGateway).query(any(FetchVolunteerAvailabilityQuery.class), any(ResponseType.class));

        // the link: resolved as PERSONAL_LINK; the revoked one answers nothing
        doReturn(CompletableFuture.completedFuture(new VolunteerLinkResolution(VOLUNTEER, KOELN, VolunteerLinkId.random(),
                LocalDate.of(2027, 6, 1))))
                .when(queryGateway).query(argThat(q -> payload(q) instanceof ResolveVolunteerLinkQuery r
                        && r.tokenHash().equals(VolunteerLinkTokens.hash(TOKEN))), any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(null))
                .when(queryGateway).query(argThat(q -> payload(q) instanceof ResolveVolunteerLinkQuery r
                        && r.tokenHash().equals(VolunteerLinkTokens.hash(REVOKED))), any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(ownPage()))
                .when(queryGateway).query(argThat(q -> payload(q) instanceof FetchVolunteerOwnPageQuery), any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(new VolunteerAssignments(VOLUNTEER, List.of(asked(), past()))))
                .when(queryGateway).query(argThat(q -> payload(q) instanceof FindVolunteerAssignmentsQuery), any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(new CertificateVerification(CERTIFICATE, KOELN,
                "Kommunales Integrationszentrum Köln", "Amina Haddad", LocalDate.of(2026, 12, 6),
                List.of(new CertificateLine(2026, ActivityCategory.ACCOMPANIMENT, 750),
                        new CertificateLine(2025, ActivityCategory.INTERPRETING, 90)), true)))
                .when(queryGateway).query(argThat(q -> payload(q) instanceof VerifyCertificateQuery), any(ResponseType.class));
    }

    private static Object payload(Object query) {
        return query instanceof Message<?> m ? m.getPayload() : query;
    }

    static Availability availability() {
        return new Availability(Set.of(new Availability.Slot(DayOfWeek.TUESDAY, DayPart.MORNING),
                new Availability.Slot(DayOfWeek.THURSDAY, DayPart.EVENING)),
                List.of(new Availability.Absence(LocalDate.of(2026, 12, 20), LocalDate.of(2027, 1, 6))));
    }

    static AssignmentView asked() {
        return new AssignmentView(ASKED, REQUEST, KOELN, VOLUNTEER, "Amina Haddad", AssignmentStatus.ASKED,
                ActivityCategory.ACCOMPANIMENT, Schedule.once(NEXT_TUESDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)), 120,
                "Köln", "Ausländerbehörde, Blumenberger Straße", null, List.of(), List.of());
    }

    static AssignmentView past() {
        return new AssignmentView(PAST, REQUEST, KOELN, VOLUNTEER, "Amina Haddad", AssignmentStatus.ASKED,
                ActivityCategory.INTERPRETING, Schedule.once(LocalDate.now().minusDays(3), LocalTime.of(9, 0), LocalTime.of(10, 0)), 60,
                "Köln", null, null, List.of(), List.of());
    }

    static VolunteerOwnPage ownPage() {
        return new VolunteerOwnPage(VOLUNTEER, KOELN, "Kommunales Integrationszentrum Köln", "Amina Haddad", availability(),
                List.of(asked()), List.of(new CertificateLine(LocalDate.now().getYear(), ActivityCategory.ACCOMPANIMENT, 750)));
    }

    private static RequestPostProcessor coordinator() {
        return user(new AccountPrincipal("koordination.koeln", null, AccountRole.COORDINATOR, KOELN, true));
    }

    private static ResultActions linkHeaders(ResultActions result) throws Exception {
        return result.andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(header().string("X-Robots-Tag", containsString("noindex")));
    }

    /** The commands sent, as messages (with their metadata) or bare. */
    private List<Object> sent() {
        ArgumentCaptor<Object> captor = ArgumentCaptor.forClass(Object.class);
        verify(commandGateway, atLeastOnce()).send(captor.capture());
        return captor.getAllValues();
    }

    private <T> CommandMessage<?> sentAsMessage(Class<T> type) {
        return sent().stream().filter(c -> c instanceof CommandMessage<?> m && type.isInstance(m.getPayload()))
                .map(c -> (CommandMessage<?>) c).findFirst().orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " sent"));
    }

    private static void assertActsAsTheVolunteer(Message<?> message) {
        Actor actor = Actor.fromMetaData(message.getMetaData());
        assertThat(actor.role()).isEqualTo(AccountRole.VOLUNTEER);
        assertThat(actor.actsAsVolunteer(VOLUNTEER.value())).isTrue();
        assertThat(actor.centre()).isEqualTo(KOELN);
    }

    // ---- point 1: the coordinator issues and revokes ----------------------------------------------

    @Test
    void issuing_shows_the_address_once_and_sends_only_the_hash_of_a_256_bit_token() throws Exception {
        String html = mvc.perform(post("/ehrenamtliche/" + VOLUNTEER + "/link").with(coordinator()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().string(allOf(containsString("Persönlicher Link für Amina Haddad"),
                        containsString("nur jetzt angezeigt"), containsString("Für die Person"))))
                .andReturn().getResponse().getContentAsString();
        Matcher url = Pattern.compile("/mein-einsatz/([A-Za-z0-9_-]+)\"").matcher(html);
        assertThat(url.find()).isTrue();
        String token = url.group(1);
        assertThat(token).hasSize(43); // 256 bits, base64url without padding

        ArgumentCaptor<Object> captor = ArgumentCaptor.forClass(Object.class);
        verify(commandGateway).send(captor.capture());
        IssueVolunteerLinkCommand command = (IssueVolunteerLinkCommand) captor.getValue();
        assertThat(command.volunteerId()).isEqualTo(VOLUNTEER);
        assertThat(command.tokenHash()).isEqualTo(VolunteerLinkTokens.hash(token)).doesNotContain(token);
        assertThat(command.expiresOn()).isEqualTo(LocalDate.now().plusDays(180));
    }

    @Test
    void two_links_never_share_a_token() {
        VolunteerLinkTokens tokens = new VolunteerLinkTokens(java.time.Duration.ofDays(180));
        assertThat(tokens.draw()).isNotEqualTo(tokens.draw()).matches(VolunteerLinkTokens.TOKEN_PATTERN);
        assertThat(VolunteerLinkTokens.hash("x")).isEqualTo("2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881");
    }

    @Test
    void the_volunteer_page_shows_until_when_the_link_works_and_the_availability_in_words() throws Exception {
        mvc.perform(get("/ehrenamtliche/" + VOLUNTEER).with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Persönlicher Link"), containsString("Link gültig bis 01.06.2027"),
                        containsString("Neuen Link erzeugen"), containsString("/ehrenamtliche/" + VOLUNTEER + "/link/sperren"),
                        containsString("Dienstag: Vormittag"), containsString("Donnerstag: Abend"),
                        containsString("abwesend vom 20.12.2026 bis 06.01.2027"),
                        containsString("/ehrenamtliche/" + VOLUNTEER + "/verfuegbarkeit"))));
    }

    @Test
    void revoking_asks_first_and_cancel_changes_nothing() throws Exception {
        mvc.perform(get("/ehrenamtliche/" + VOLUNTEER + "/link/sperren").with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Link von Amina Haddad sperren?"), containsString("Ja, Link sperren"),
                        containsString("Abbrechen"))));
        verify(commandGateway, never()).send(any());

        mvc.perform(post("/ehrenamtliche/" + VOLUNTEER + "/link/sperren").with(coordinator()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/ehrenamtliche/" + VOLUNTEER + "#persoenlicher-link"));
        assertThat(sent()).containsExactly(new RevokeVolunteerLinkCommand(VOLUNTEER));
    }

    @Test
    void the_api_issues_reads_and_revokes_a_link() throws Exception {
        mvc.perform(post("/api/volunteers/" + VOLUNTEER + "/link").with(coordinator()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.token").isString())
                .andExpect(jsonPath("$.url", containsString("/mein-einsatz/")))
                .andExpect(jsonPath("$.linkId").isString())
                .andExpect(jsonPath("$.expiresOn").value(LocalDate.now().plusDays(180).toString()));
        mvc.perform(get("/api/volunteers/" + VOLUNTEER + "/link").with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.expiresOn").value("2027-06-01"))
                .andExpect(jsonPath("$.token").doesNotExist());
        mvc.perform(post("/api/volunteers/" + VOLUNTEER + "/link/revocation").with(coordinator()))
                .andExpect(status().isNoContent());
        assertThat(sent()).contains(new RevokeVolunteerLinkCommand(VOLUNTEER));
    }

    @Test
    void nobody_without_an_account_issues_a_link() throws Exception {
        mvc.perform(post("/api/volunteers/" + VOLUNTEER + "/link")).andExpect(status().isUnauthorized());
        int page = mvc.perform(post("/ehrenamtliche/" + VOLUNTEER + "/link").with(csrf())).andReturn().getResponse().getStatus();
        assertThat(page).isIn(302, 401); // to the sign-in page, or 401 for a client that is no browser
        verify(commandGateway, never()).send(any());
    }

    // ---- point 2: the volunteer's own page --------------------------------------------------------

    @Test
    void the_own_page_greets_by_name_and_shows_what_when_where_with_yes_and_no() throws Exception {
        linkHeaders(mvc.perform(get("/mein-einsatz/" + TOKEN)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Hallo Amina Haddad"),
                        containsString("Begleitung zu Ämtern und Ärzt*innen"), containsString("09:00–12:00 Uhr"),
                        containsString("Ausländerbehörde, Blumenberger Straße, Köln"),
                        containsString("/mein-einsatz/" + TOKEN + "/einsaetze/" + ASKED + "/zusage"),
                        containsString("/mein-einsatz/" + TOKEN + "/einsaetze/" + ASKED + "/absage"),
                        containsString("name=\"_csrf\""), containsString("Meine Stunden"), containsString("12 Std. 30 Min."),
                        containsString("Meine Verfügbarkeit ändern"), containsString("Ehrenamtsnachweis herunterladen"),
                        containsString("/mein-einsatz/" + TOKEN + "/kalender.ics"),
                        // the year is a year, not a number with a thousands separator ("Im Jahr 2.026")
                        containsString("Im Jahr 20"), org.hamcrest.Matchers.not(containsString("Im Jahr 2.0")))));
    }

    @Test
    void the_own_page_speaks_english_on_request() throws Exception {
        mvc.perform(get("/mein-einsatz/" + TOKEN).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Hello Amina Haddad"), containsString("My next assignments"),
                        containsString("Say yes"))));
    }

    // ---- issue 19: "Keine E-Mails mehr erhalten" through the link ---------------------------------------

    private void emailConsent(boolean current) {
        doReturn(CompletableFuture.completedFuture(new nrw.komman.kernel.volunteer.EmailConsentStatus(VOLUNTEER, "2026-01",
                Instant.parse("2025-02-01T23:00:00Z"), current ? null : Instant.parse("2025-03-01T10:00:00Z"))))
                .when(queryGateway).query(argThat(q -> payload(q) instanceof nrw.komman.kernel.volunteer.FetchEmailConsentQuery),
                        any(ResponseType.class));
    }

    @Test
    void a_volunteer_who_gets_e_mail_stops_it_after_a_confirmation_in_plain_german_or_english() throws Exception {
        emailConsent(true);
        mvc.perform(get("/mein-einsatz/" + TOKEN))
                .andExpect(content().string(allOf(containsString("Wir schicken Ihnen Anfragen für Einsätze und Erinnerungen per E-Mail."),
                        containsString("href=\"/mein-einsatz/" + TOKEN + "/keine-emails\""))));
        linkHeaders(mvc.perform(get("/mein-einsatz/" + TOKEN + "/keine-emails")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Keine E-Mails mehr erhalten?"),
                        containsString("Der Link aus unseren E-Mails funktioniert danach nicht mehr."),
                        containsString("Ja, keine E-Mails mehr"), containsString("action=\"/mein-einsatz/" + TOKEN + "/keine-emails\""))));
        mvc.perform(get("/mein-einsatz/" + TOKEN + "/keine-emails").param("lang", "en"))
                .andExpect(content().string(allOf(containsString("Stop receiving e-mails?"), containsString("Yes, no more e-mails"))));
        verify(commandGateway, never()).send(any());

        mvc.perform(post("/mein-einsatz/" + TOKEN + "/keine-emails").with(csrf()).with(coordinator()))
                .andExpect(redirectedUrl("/mein-einsatz/keine-emails-mehr"));
        CommandMessage<?> message = sentAsMessage(nrw.komman.kernel.volunteer.WithdrawEmailConsentCommand.class);
        assertThat(((nrw.komman.kernel.volunteer.WithdrawEmailConsentCommand) message.getPayload()).volunteerId()).isEqualTo(VOLUNTEER);
        assertActsAsTheVolunteer(message);
        linkHeaders(mvc.perform(get("/mein-einsatz/keine-emails-mehr")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Sie erhalten von uns keine E-Mails mehr."), not(containsString("Amina")))));
    }

    @Test
    void without_e_mail_the_page_offers_nothing_to_stop_and_a_withdrawal_anyway_is_refused_in_words() throws Exception {
        emailConsent(false);
        mvc.perform(get("/mein-einsatz/" + TOKEN))
                .andExpect(content().string(not(containsString("/keine-emails"))));
        mvc.perform(get("/mein-einsatz/" + TOKEN + "/keine-emails"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Sie erhalten keine E-Mails"), not(containsString("Ja, keine E-Mails mehr")))));
        doReturn(CompletableFuture.failedFuture(new RuleViolationException("email-consent.none",
                "Es liegt keine Einwilligung in den Kontakt per E-Mail vor, die widerrufen werden könnte.")))
                .when(commandGateway).send(any());
        mvc.perform(post("/mein-einsatz/" + TOKEN + "/keine-emails").with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Es liegt keine Einwilligung in den Kontakt per E-Mail vor, die widerrufen werden könnte.")));
        mvc.perform(post("/mein-einsatz/" + REVOKED + "/keine-emails").with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void a_link_that_does_not_work_gets_one_page_that_names_nothing() throws Exception {
        for (String bad : List.of(REVOKED, "kurz", TOKEN + "x", TOKEN.replace('a', '.'))) {
            linkHeaders(mvc.perform(get("/mein-einsatz/" + bad)))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(allOf(containsString("Dieser Link ist ungültig oder abgelaufen."),
                            not(containsString("Amina")))));
        }
        mvc.perform(get("/api/link/" + REVOKED))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("link.unknown"))
                .andExpect(jsonPath("$.detail").value("Dieser Link ist ungültig oder abgelaufen."));
        mvc.perform(post("/mein-einsatz/" + REVOKED + "/einsaetze/" + ASKED + "/zusage").with(csrf()))
                .andExpect(status().isNotFound());
        verify(commandGateway, never()).send(any());
    }

    @Test
    void saying_yes_sends_the_confirmation_as_the_volunteer_even_when_a_coordinator_is_signed_in() throws Exception {
        mvc.perform(post("/mein-einsatz/" + TOKEN + "/einsaetze/" + ASKED + "/zusage").with(csrf()).with(coordinator()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/mein-einsatz/" + TOKEN + "?gespeichert=zusage"));
        CommandMessage<?> message = sentAsMessage(ConfirmAssignmentCommand.class);
        assertThat(message.getPayload()).isEqualTo(new ConfirmAssignmentCommand(REQUEST, ASKED));
        assertActsAsTheVolunteer(message);
    }

    @Test
    void the_token_never_reaches_the_session_and_the_confirmation_still_shows_after_the_redirect() throws Exception {
        // a coordinator signed in in the same browser has a session (stored in the database, ADR 23/34): nothing of the
        // link may land in it, neither a flash map (whose target address would hold the token) nor anything else
        jakarta.servlet.http.Cookie[] browser = new jakarta.servlet.http.Cookie[1];
        remember(mvc.perform(get("/login")).andReturn(), browser); // the sign-in page opens a session in this browser
        org.springframework.test.web.servlet.MvcResult yes = mvc.perform(withBrowser(
                        post("/mein-einsatz/" + TOKEN + "/einsaetze/" + ASKED + "/zusage").with(csrf()), browser))
                .andExpect(status().is3xxRedirection()).andReturn();
        remember(yes, browser);
        org.springframework.test.web.servlet.MvcResult availability = mvc.perform(withBrowser(
                        post("/mein-einsatz/" + TOKEN + "/verfuegbarkeit").with(csrf()).param("slots", "MONDAY:EVENING"), browser))
                .andExpect(status().is3xxRedirection()).andReturn();
        remember(availability, browser);
        org.springframework.test.web.servlet.MvcResult no = mvc.perform(withBrowser(
                        post("/mein-einsatz/" + TOKEN + "/einsaetze/" + ASKED + "/absage").with(csrf()), browser))
                .andExpect(status().is3xxRedirection()).andReturn();
        remember(no, browser);
        assertNoTokenIn(browser[0]);
        assertNoTokenIn(no.getRequest().getSession(false));

        mvc.perform(withBrowser(get(yes.getResponse().getRedirectedUrl()), browser))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Danke! Sie haben zugesagt.")));
        mvc.perform(withBrowser(get(availability.getResponse().getRedirectedUrl()), browser))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Die Verfügbarkeit ist gespeichert.")));
        mvc.perform(get(no.getResponse().getRedirectedUrl()).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("You have said no.")));
        mvc.perform(get("/mein-einsatz/" + TOKEN).param("gespeichert", "<script>alert(1)</script>"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(not(containsString("notice-success")), not(containsString("alert(1)")))));
        assertNoTokenIn(browser[0]);
    }

    @Autowired
    private javax.sql.DataSource dataSource;

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder withBrowser(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, jakarta.servlet.http.Cookie[] browser) {
        return browser[0] == null ? request : request.cookie(browser[0]);
    }

    private static void remember(org.springframework.test.web.servlet.MvcResult result, jakarta.servlet.http.Cookie[] browser) {
        jakarta.servlet.http.Cookie session = result.getResponse().getCookie("JSESSIONID");
        if (session != null && !session.getValue().isEmpty()) {
            browser[0] = session;
        }
    }

    /** No attribute of the stored session holds the token, in its serialized form as stored. */
    private void assertNoTokenIn(jakarta.servlet.http.Cookie sessionCookie) {
        if (sessionCookie == null) {
            return; // no session at all
        }
        String id = new String(java.util.Base64.getDecoder().decode(sessionCookie.getValue()), java.nio.charset.StandardCharsets.UTF_8);
        List<java.util.Map<String, Object>> rows = new org.springframework.jdbc.core.JdbcTemplate(dataSource).queryForList(
                "select a.attribute_name, a.attribute_bytes from spring_session_attributes a "
                        + "join spring_session s on s.primary_id = a.session_primary_id where s.session_id = ?", id);
        for (java.util.Map<String, Object> row : rows) {
            assertThat(new String((byte[]) row.get("attribute_bytes"), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .as(String.valueOf(row.get("attribute_name"))).doesNotContain(TOKEN);
        }
    }

    /** Nor does the request's own session, by text or serialized form. */
    private static void assertNoTokenIn(jakarta.servlet.http.HttpSession session) throws Exception {
        if (session == null) {
            return;
        }
        for (String name : java.util.Collections.list(session.getAttributeNames())) {
            Object value = session.getAttribute(name);
            assertThat(String.valueOf(value)).as(name).doesNotContain(TOKEN);
            if (value instanceof java.io.Serializable) {
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
                    out.writeObject(value);
                }
                assertThat(bytes.toString(java.nio.charset.StandardCharsets.ISO_8859_1)).as(name).doesNotContain(TOKEN);
            }
        }
    }

    @Test
    void an_assignment_called_off_with_its_request_says_so_in_words_on_the_own_page() throws Exception {
        AssignmentView calledOff = new AssignmentView(AssignmentId.random(), REQUEST, KOELN, VOLUNTEER, "Amina Haddad",
                AssignmentStatus.CANCELLED, ActivityCategory.INTERPRETING,
                Schedule.once(NEXT_TUESDAY, LocalTime.of(14, 0), LocalTime.of(15, 0)), 60, "Köln", null, "help-request.cancelled",
                List.of(), List.of());
        AssignmentView cancelledByCoordinator = new AssignmentView(AssignmentId.random(), REQUEST, KOELN, VOLUNTEER, "Amina Haddad",
                AssignmentStatus.CANCELLED, ActivityCategory.INTERPRETING,
                Schedule.once(NEXT_TUESDAY, LocalTime.of(16, 0), LocalTime.of(17, 0)), 60, "Köln", null, "interne Notiz",
                List.of(), List.of());
        doReturn(CompletableFuture.completedFuture(new VolunteerOwnPage(VOLUNTEER, KOELN, "Kommunales Integrationszentrum Köln",
                "Amina Haddad", availability(), List.of(asked(), calledOff, cancelledByCoordinator), List.of())))
                .when(queryGateway).query(argThat(q -> payload(q) instanceof FetchVolunteerOwnPageQuery), any(ResponseType.class));
        mvc.perform(get("/mein-einsatz/" + TOKEN))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Die ganze Anfrage wurde abgesagt."),
                        not(containsString("help-request.cancelled")), not(containsString("interne Notiz")))));
        mvc.perform(get("/mein-einsatz/" + TOKEN).param("lang", "en"))
                .andExpect(content().string(containsString("The whole request was called off.")));
    }

    @Test
    void saying_no_sends_the_reason_as_the_volunteer() throws Exception {
        mvc.perform(post("/mein-einsatz/" + TOKEN + "/einsaetze/" + ASKED + "/absage").param("grund", "Ich bin krank.").with(csrf()))
                .andExpect(status().is3xxRedirection());
        CommandMessage<?> message = sentAsMessage(DeclineAssignmentCommand.class);
        assertThat(message.getPayload()).isEqualTo(new DeclineAssignmentCommand(REQUEST, ASKED, "Ich bin krank."));
        assertActsAsTheVolunteer(message);
    }

    @Test
    void an_answer_needs_the_csrf_token() throws Exception {
        mvc.perform(post("/mein-einsatz/" + TOKEN + "/einsaetze/" + ASKED + "/zusage")).andExpect(status().isForbidden());
        verify(commandGateway, never()).send(any());
    }

    @Test
    void a_past_assignment_cannot_be_confirmed_and_the_page_says_why() throws Exception {
        doReturn(CompletableFuture.failedFuture(new RuleViolationException("assignment.past",
                "Ein Einsatz, der schon vorbei ist, kann nicht mehr zugesagt werden.")))
                .when(commandGateway).send(argThat(c -> c instanceof CommandMessage<?> m && m.getPayload() instanceof ConfirmAssignmentCommand));
        mvc.perform(post("/mein-einsatz/" + TOKEN + "/einsaetze/" + PAST + "/zusage").with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("schon vorbei"), containsString("Hallo Amina Haddad"))));
        mvc.perform(post("/api/link/" + TOKEN + "/assignments/" + PAST + "/confirmation"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("assignment.past"));
    }

    @Test
    void another_volunteers_assignment_is_not_found_through_this_link() throws Exception {
        mvc.perform(post("/mein-einsatz/" + TOKEN + "/einsaetze/" + FOREIGN + "/zusage").with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/link/" + TOKEN + "/assignments/" + FOREIGN + "/confirmation"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/link/" + TOKEN + "/assignments/not-an-id/confirmation"))
                .andExpect(status().isBadRequest());
        verify(commandGateway, never()).send(any());
    }

    @Test
    void the_api_of_the_link_needs_no_account_and_acts_as_the_volunteer() throws Exception {
        linkHeaders(mvc.perform(get("/api/link/" + TOKEN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Amina Haddad"))
                .andExpect(jsonPath("$.upcoming[0].assignmentId").value(ASKED.toString()));
        mvc.perform(post("/api/link/" + TOKEN + "/assignments/" + ASKED + "/declination")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Keine Zeit\"}"))
                .andExpect(status().isNoContent());
        assertActsAsTheVolunteer(sentAsMessage(DeclineAssignmentCommand.class));

        mvc.perform(put("/api/link/" + TOKEN + "/availability").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"weekly\":[{\"day\":\"TUESDAY\",\"part\":\"MORNING\"}],\"away\":[{\"from\":\"2026-12-20\",\"until\":\"2027-01-06\"}]}"))
                .andExpect(status().isNoContent());
        CommandMessage<?> update = sentAsMessage(UpdateAvailabilityCommand.class);
        assertActsAsTheVolunteer(update);
        assertThat(((UpdateAvailabilityCommand) update.getPayload()).availability().canonical())
                .isEqualTo("TUESDAY:MORNING|2026-12-20..2027-01-06");

        mvc.perform(put("/api/link/" + TOKEN + "/availability").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"weekly\":[{\"day\":\"TUESDAY\",\"part\":\"NIGHT\"}]}"))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/link/" + TOKEN + "/availability").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"away\":[{\"from\":\"2027-01-06\",\"until\":\"2026-12-20\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("availability.away.order"));

        mvc.perform(post("/api/link/" + TOKEN + "/certificates"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.certificateId").isString());
        assertActsAsTheVolunteer(sentAsMessage(IssueCertificateCommand.class));
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void a_failure_behind_the_link_is_logged_without_the_token(org.springframework.boot.test.system.CapturedOutput output) throws Exception {
        doReturn(CompletableFuture.failedFuture(new IllegalStateException("read model broken")))
                .when(queryGateway).query(argThat(q -> payload(q) instanceof FetchVolunteerOwnPageQuery), any(ResponseType.class));
        mvc.perform(get("/mein-einsatz/" + TOKEN)).andExpect(status().isInternalServerError());
        mvc.perform(get("/api/link/" + TOKEN)).andExpect(status().isInternalServerError());
        assertThat(output.getAll()).contains("read model broken").doesNotContain(TOKEN).doesNotContain(VolunteerLinkTokens.hash(TOKEN));
    }

    // ---- point 3: availability --------------------------------------------------------------------

    @Test
    void the_availability_form_is_a_labelled_table_and_names_every_wrong_row_at_once() throws Exception {
        mvc.perform(get("/mein-einsatz/" + TOKEN + "/verfuegbarkeit"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<th scope=\"col\">Vormittag</th>"),
                        containsString("<th scope=\"row\">Dienstag</th>"),
                        containsString(">Dienstag Vormittag</label>"), containsString("value=\"TUESDAY:MORNING\" checked"),
                        containsString("value=\"2026-12-20\""), containsString("Abwesend vom (Zeile 4)"))));

        mvc.perform(post("/mein-einsatz/" + TOKEN + "/verfuegbarkeit").with(csrf())
                        .param("slots", "MONDAY:EVENING")
                        .param("away[0].from", "2027-01-10").param("away[0].until", "2027-01-02")
                        .param("away[1].from", "2027-02-01").param("away[1].until", "")
                        .param("away[2].from", "gestern").param("away[2].until", "2027-03-01"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Der letzte Tag darf nicht vor dem ersten liegen."),
                        containsString("Der letzte Tag fehlt."), containsString("Bitte ein Datum angeben"),
                        containsString("href=\"#away[0].until\""))));
        verify(commandGateway, never()).send(any());

        mvc.perform(post("/mein-einsatz/" + TOKEN + "/verfuegbarkeit").with(csrf())
                        .param("slots", "MONDAY:EVENING", "SATURDAY:MORNING")
                        .param("away[0].from", "2027-01-02").param("away[0].until", "2027-01-10")
                        .param("away[1].from", "").param("away[1].until", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/mein-einsatz/" + TOKEN + "?gespeichert=verfuegbarkeit"));
        CommandMessage<?> update = sentAsMessage(UpdateAvailabilityCommand.class);
        assertActsAsTheVolunteer(update);
        assertThat(((UpdateAvailabilityCommand) update.getPayload()).availability().canonical())
                .isEqualTo("MONDAY:EVENING,SATURDAY:MORNING|2027-01-02..2027-01-10");
    }

    @Test
    void hostile_row_numbers_on_either_availability_form_are_a_plain_400_not_a_500() throws Exception {
        for (String index : List.of("23", "300", "9999999999", "-1")) {
            mvc.perform(post("/mein-einsatz/" + TOKEN + "/verfuegbarkeit").with(csrf())
                            .param("away[" + index + "].from", "x"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(allOf(containsString("Die Eingabe hat nicht das erwartete Format."),
                            not(containsString(TOKEN)))));
            mvc.perform(post("/ehrenamtliche/" + VOLUNTEER + "/verfuegbarkeit").with(coordinator()).with(csrf())
                            .param("away[" + index + "].from", "x"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("Die Eingabe hat nicht das erwartete Format.")));
        }
        verify(commandGateway, never()).send(any());
        // the last row the form can show still binds
        mvc.perform(post("/mein-einsatz/" + TOKEN + "/verfuegbarkeit").with(csrf())
                        .param("away[22].from", "2027-01-02").param("away[22].until", "2027-01-03"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void the_coordinator_records_availability_on_the_same_form() throws Exception {
        mvc.perform(get("/ehrenamtliche/" + VOLUNTEER + "/verfuegbarkeit").with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Verfügbarkeit von Amina Haddad"),
                        containsString("value=\"THURSDAY:EVENING\" checked"))));
        mvc.perform(post("/ehrenamtliche/" + VOLUNTEER + "/verfuegbarkeit").with(coordinator()).with(csrf())
                        .param("slots", "FRIDAY:AFTERNOON"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/ehrenamtliche/" + VOLUNTEER + "#verfuegbarkeit"));
        assertThat(sent()).containsExactly(new UpdateAvailabilityCommand(VOLUNTEER,
                new Availability(Set.of(new Availability.Slot(DayOfWeek.FRIDAY, DayPart.AFTERNOON)), List.of())));
        clearInvocations(commandGateway);
        mvc.perform(put("/api/volunteers/" + VOLUNTEER + "/availability").with(coordinator()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"weekly\":[{\"day\":\"MONDAY\",\"part\":\"EVENING\"}],\"away\":[]}"))
                .andExpect(status().isNoContent());
        assertThat(sent()).containsExactly(new UpdateAvailabilityCommand(VOLUNTEER,
                new Availability(Set.of(new Availability.Slot(DayOfWeek.MONDAY, DayPart.EVENING)), List.of())));
    }

    // ---- point 4: the Ehrenamtsnachweis -----------------------------------------------------------

    @Test
    void the_certificate_is_issued_as_the_volunteer_and_its_pdf_says_who_what_and_where_to_check() throws Exception {
        byte[] pdf = mvc.perform(post("/mein-einsatz/" + TOKEN + "/nachweis.pdf").with(csrf()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        assertActsAsTheVolunteer(sentAsMessage(IssueCertificateCommand.class));
        String text;
        try (PdfReader reader = new PdfReader(pdf)) {
            text = new PdfTextExtractor(reader).getTextFromPage(1);
        }
        assertThat(text.replace('\n', ' ')).contains("Ehrenamtsnachweis", "Kommunales Integrationszentrum Köln", "Amina Haddad",
                "2026", "Begleitung zu Ämtern", "12 Std. 30 Min.", "2025", "Dolmetschen", "1 Std. 30 Min.", "06.12.2026",
                CERTIFICATE.toString(), "/nachweis/" + CERTIFICATE);
    }

    @Test
    void the_public_check_says_genuine_with_issuer_and_totals_or_that_it_cannot_be_confirmed() throws Exception {
        linkHeaders(mvc.perform(get("/nachweis/" + CERTIFICATE)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Dieser Nachweis ist echt: ausgestellt von Kommunales Integrationszentrum Köln am 06.12.2026."),
                        containsString("14 Std."))));
        mvc.perform(get("/api/certificates/" + CERTIFICATE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true));

        CertificateId unknown = CertificateId.random();
        doReturn(CompletableFuture.completedFuture(null)).when(queryGateway)
                .query(argThat(q -> payload(q) instanceof VerifyCertificateQuery v && v.certificateId().equals(unknown)), any(ResponseType.class));
        mvc.perform(get("/nachweis/" + unknown))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("kann nicht bestätigt werden")));
        mvc.perform(get("/nachweis/kein-nachweis"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("kann nicht bestätigt werden")));
        mvc.perform(get("/api/certificates/" + unknown)).andExpect(status().isNotFound());
    }

    // ---- point 5: calendars -----------------------------------------------------------------------

    @Test
    void the_volunteers_calendar_is_icalendar_behind_the_link() throws Exception {
        String ics = linkHeaders(mvc.perform(get("/mein-einsatz/" + TOKEN + "/kalender.ics")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/calendar")))
                .andReturn().getResponse().getContentAsString();
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("UID:" + ASKED + "-", "STATUS:TENTATIVE");
        mvc.perform(get("/api/link/" + TOKEN + "/calendar.ics")).andExpect(status().isOk());
        mvc.perform(get("/api/link/" + REVOKED + "/calendar.ics")).andExpect(status().isNotFound());
    }

    @Test
    void the_centres_calendar_is_for_its_own_coordinators() throws Exception {
        AssignmentView cancelled = new AssignmentView(AssignmentId.random(), REQUEST, KOELN, SOMEONE_ELSE, "Jonas Berg",
                AssignmentStatus.CANCELLED, ActivityCategory.INTERPRETING,
                Schedule.once(NEXT_TUESDAY, LocalTime.of(14, 0), LocalTime.of(15, 0)), 60, "Köln", null, "krank", List.of(), List.of());
        doReturn(CompletableFuture.completedFuture(new nrw.komman.kernel.coordination.CentreAssignments(KOELN, List.of(asked(), cancelled))))
                .when(queryGateway).query(any(nrw.komman.kernel.coordination.FindCentreAssignmentsQuery.class), any(ResponseType.class));
        String ics = mvc.perform(get("/zentrum/kalender.ics").with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/calendar")))
                .andReturn().getResponse().getContentAsString();
        assertThat(CalendarWriterTest.events(ics)).extracting(e -> e.get("STATUS")).containsExactly("TENTATIVE", "CANCELLED");
        assertThat(CalendarWriterTest.unescape(CalendarWriterTest.events(ics).get(1).get("SUMMARY"))).isEqualTo("Dolmetschen – Jonas Berg");
        mvc.perform(get("/api/centres/05315/calendar.ics").with(coordinator())).andExpect(status().isOk());
        mvc.perform(get("/api/centres/05111/calendar.ics").with(coordinator())).andExpect(status().isForbidden());
        mvc.perform(get("/api/centres/05315/calendar.ics")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/centres/05315/calendar.ics")
                        .with(user(new AccountPrincipal("ministerium", null, AccountRole.MINISTRY, null, true))))
                .andExpect(status().isForbidden());
    }

    // ---- accounts never have the volunteer's role ---------------------------------------------------

    @Test
    void no_account_can_have_the_role_volunteer() throws Exception {
        RequestPostProcessor admin = user(new AccountPrincipal("admin", null, AccountRole.ADMINISTRATOR, null, true));
        doReturn(CompletableFuture.completedFuture(List.of())).when(queryGateway)
                .query(any(nrw.komman.kernel.centre.FindCentresQuery.class), any(ResponseType.class));
        mvc.perform(post("/api/admin/accounts").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"ehrenamt\",\"password\":\"Lange-Passphrase-42\",\"role\":\"VOLUNTEER\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("role.not-assignable"));
        mvc.perform(get("/verwaltung/konten/neu").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("value=\"AUDITOR\""), not(containsString("value=\"VOLUNTEER\"")))));
    }
}
