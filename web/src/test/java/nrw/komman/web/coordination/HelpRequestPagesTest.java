package nrw.komman.web.coordination;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.admin.AwaitReadModelsQuery;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.coordination.AskVolunteerCommand;
import nrw.komman.kernel.coordination.AssignmentId;
import nrw.komman.kernel.coordination.AssignmentStatus;
import nrw.komman.kernel.coordination.AssignmentView;
import nrw.komman.kernel.coordination.CancelAssignmentCommand;
import nrw.komman.kernel.coordination.ConfirmAssignmentCommand;
import nrw.komman.kernel.coordination.FindHelpRequestQuery;
import nrw.komman.kernel.coordination.FindHelpRequestsQuery;
import nrw.komman.kernel.coordination.HelpRequestBoard;
import nrw.komman.kernel.coordination.HelpRequestId;
import nrw.komman.kernel.coordination.HelpRequestStatus;
import nrw.komman.kernel.coordination.HelpRequestSummary;
import nrw.komman.kernel.coordination.HelpRequestView;
import nrw.komman.kernel.coordination.MatchReason;
import nrw.komman.kernel.coordination.CoordinationRules;
import nrw.komman.kernel.coordination.MatchVolunteersQuery;
import nrw.komman.kernel.coordination.OfferToVolunteersCommand;
import nrw.komman.kernel.coordination.OpenHelpRequestCommand;
import nrw.komman.kernel.coordination.RecordAssignmentTookPlaceCommand;
import nrw.komman.kernel.coordination.Schedule;
import nrw.komman.kernel.coordination.VolunteerMatch;
import nrw.komman.kernel.coordination.VolunteerMatches;
import nrw.komman.kernel.grant.FindGrantsQuery;
import nrw.komman.kernel.volunteer.VolunteerId;
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

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The coordinator's pages of requests for help with mocked gateways: every problem of the new-request form in one
 * answer, nothing sent; the board and the request's page in words, never codes; a 409 said on the request's page
 * with nothing changed. The journey runs in Chromium ({@code HelpRequestsInTheBrowserTest} in the app module).
 */
@SpringBootTest(classes = WebTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:web-help-request-pages;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.flyway.locations=classpath:db/migration/common",
        "komman.admin.password=Betrieb-Passwort-2025"})
@AutoConfigureMockMvc
class HelpRequestPagesTest {

    private static final CentreId KOELN = new CentreId("05315");
    private static final HelpRequestId REQUEST = HelpRequestId.random();
    private static final AssignmentId ASKED = AssignmentId.random();
    private static final AssignmentId CONFIRMED = AssignmentId.random();
    private static final VolunteerId AYLIN = VolunteerId.random();
    private static final VolunteerId BEN = VolunteerId.random();
    private static final VolunteerId CEM = VolunteerId.random();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));
    /** A Tuesday in the future. */
    private static final LocalDate TUESDAY = TODAY.plusDays(7 + (9 - TODAY.getDayOfWeek().getValue()) % 7);

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
        doReturn(CompletableFuture.completedFuture(List.of())).when(queryGateway)
                .query(any(FindGrantsQuery.class), any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(new HelpRequestBoard(KOELN, List.of(summary(HelpRequestStatus.PARTLY_STAFFED)))))
                .when(queryGateway).query(any(FindHelpRequestsQuery.class), any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(view(TUESDAY))).when(queryGateway)
                .query(any(FindHelpRequestQuery.class), any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(new VolunteerMatches(REQUEST, List.of(new VolunteerMatch(CEM, "Cem Yıldız", 90,
                List.of(new MatchReason("language", "prs"), new MatchReason("interest", "ACCOMPANIMENT"),
                        new MatchReason("available", "TUESDAY:MORNING"), new MatchReason("load", "2"),
                        new MatchReason("free", null)))), 2, 1)))
                .when(queryGateway).query(any(MatchVolunteersQuery.class), any(ResponseType.class));
    }

    private static HelpRequestSummary summary(HelpRequestStatus status) {
        return new HelpRequestSummary(REQUEST, KOELN, ActivityCategory.ACCOMPANIMENT, Set.of("prs"),
                Schedule.once(TUESDAY, LocalTime.of(9, 0), LocalTime.of(11, 0)), 90, "Köln", 2, 1, 1, status);
    }

    private static HelpRequestView view(LocalDate day) {
        Schedule schedule = Schedule.once(day, LocalTime.of(9, 0), LocalTime.of(11, 0));
        return new HelpRequestView(summary(HelpRequestStatus.PARTLY_STAFFED), "Ausländerbehörde", "Familie Rahimi", "0221 555",
                null, null, false, null, List.of(
                new AssignmentView(ASKED, REQUEST, KOELN, AYLIN, "Aylin Demir", AssignmentStatus.ASKED,
                        ActivityCategory.ACCOMPANIMENT, schedule, 90, "Köln", "Ausländerbehörde", null, List.of(), List.of()),
                new AssignmentView(CONFIRMED, REQUEST, KOELN, BEN, "Ben Kaya", AssignmentStatus.CONFIRMED,
                        ActivityCategory.ACCOMPANIMENT, schedule, 90, "Köln", "Ausländerbehörde", null, List.of(), List.of())));
    }

    private static RequestPostProcessor coordinator() {
        return user(new AccountPrincipal("koordination.koeln", null, AccountRole.COORDINATOR, KOELN, true));
    }

    private static RequestPostProcessor ministry() {
        return user(new AccountPrincipal("ministerium", null, AccountRole.MINISTRY, null, true));
    }

    // ---- the new-request form -----------------------------------------------------------------------

    @Test
    void an_empty_request_names_every_problem_at_once_and_sends_nothing() throws Exception {
        mvc.perform(post("/zentrum/anfragen").with(coordinator()).with(csrf())
                        .param("otherLanguages", "Klingonisch").param("volunteersNeeded", "25"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<title>Fehler: Neue Einsatzanfrage – KOMM-AN NRW</title>"),
                        containsString("href=\"#category\">Bitte wählen Sie aus, was gebraucht wird.</a>"),
                        containsString("href=\"#otherLanguages\">„Klingonisch“ kennen wir nicht als Sprache."),
                        containsString("href=\"#kind\">Bitte wählen Sie „Einmalig“ oder „Wiederkehrend“.</a>"),
                        containsString("href=\"#start\">Bitte geben Sie die Anfangszeit an.</a>"),
                        containsString("href=\"#end\">Bitte geben Sie die Endzeit an.</a>"),
                        containsString("href=\"#hours\">Bitte geben Sie die Dauer an.</a>"),
                        containsString("href=\"#municipality\">Bitte geben Sie die Gemeinde an.</a>"),
                        containsString("href=\"#volunteersNeeded\">Es werden 1 bis 20 Ehrenamtliche angefragt.</a>"),
                        containsString("href=\"#requesterName\">Bitte geben Sie an, wer angefragt hat.</a>"),
                        // the activity form's duration fieldset, with this form's hint
                        containsString("id=\"dauer-hinweis\">Wie lange eine Person jeweils hilft"))));
        verify(commandGateway, never()).send(any());
    }

    @Test
    void the_schedule_and_the_duration_are_checked_beside_the_fields() throws Exception {
        mvc.perform(post("/zentrum/anfragen").with(coordinator()).with(csrf())
                        .param("category", "ACCOMPANIMENT").param("kind", "WEEKLY").param("firstDay", TUESDAY.toString())
                        .param("lastDay", TUESDAY.plusDays(30).toString())
                        .param("start", "09:00").param("end", "11:00").param("hours", "3")
                        .param("municipality", "Köln").param("volunteersNeeded", "1").param("requesterName", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("href=\"#weekdays\">Für einen wiederkehrenden Einsatz fehlen die Wochentage.</a>"),
                        containsString("href=\"#hours\">Die Dauer ist länger als die Zeit zwischen Anfang und Ende.</a>"),
                        containsString("href=\"#requesterName\">"))));
        mvc.perform(post("/zentrum/anfragen").with(coordinator()).with(csrf())
                        .param("category", "ACCOMPANIMENT").param("kind", "ONCE")
                        .param("start", "11:00").param("end", "09:00").param("hours", "1")
                        .param("municipality", "Köln").param("volunteersNeeded", "1").param("requesterName", "Familie Rahimi"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("href=\"#day\">Bitte geben Sie das Datum an.</a>"),
                        // shown again as a time field takes it (type="time" wants two-digit hours)
                        containsString("name=\"start\" value=\"11:00\""), containsString("name=\"end\" value=\"09:00\""))));
        verify(commandGateway, never()).send(any());
    }

    @Test
    void a_complete_request_is_sent_with_its_values_and_leads_to_its_page() throws Exception {
        mvc.perform(post("/zentrum/anfragen").with(coordinator()).with(csrf())
                        .param("category", "ACCOMPANIMENT").param("languages", "prs").param("kind", "ONCE")
                        .param("day", TUESDAY.toString()).param("start", "09:00").param("end", "11:00")
                        .param("hours", "1").param("minutes", "30").param("municipality", "Köln")
                        .param("place", "Ausländerbehörde").param("volunteersNeeded", "2")
                        .param("requesterName", "Familie Rahimi").param("requesterContact", "0221 555"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("confirmation", "Die Einsatzanfrage ist gespeichert."));
        verify(commandGateway).send(argThat(c -> c instanceof OpenHelpRequestCommand o && o.centreId().equals(KOELN)
                && o.languages().equals(Set.of("prs")) && o.minutes() == 90 && o.volunteersNeeded() == 2
                && o.schedule().equals(Schedule.once(TUESDAY, LocalTime.of(9, 0), LocalTime.of(11, 0)))
                && o.requesterName().equals("Familie Rahimi") && "Ausländerbehörde".equals(o.place())));
    }

    // ---- the board and the request's page -------------------------------------------------------------

    @Test
    void the_board_says_everything_in_words() throws Exception {
        mvc.perform(get("/zentrum/anfragen").with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Begleitung zu Ämtern und Ärzt*innen"),
                        containsString("Dari"), containsString("1 von 2"), containsString("teilweise besetzt"),
                        containsString("9:00–11:00 Uhr"), containsString("Neue Einsatzanfrage"),
                        containsString("aria-current=\"page\">Einsatzanfragen"),
                        not(containsString("PARTLY_STAFFED")), not(containsString(">prs<")))));
    }

    /** A request the platform found with one of two places confirmed; it starts the day after tomorrow at 09:00 in NRW. */
    private static HelpRequestSummary unstaffed() {
        LocalDate day = TODAY.plusDays(2);
        return new HelpRequestSummary(HelpRequestId.random(), KOELN, ActivityCategory.INTERPRETING, Set.of("ar"),
                Schedule.once(day, LocalTime.of(9, 0), LocalTime.of(11, 0)), 120, "Köln-Kalk", 2, 1, 0,
                HelpRequestStatus.PARTLY_STAFFED, day.atTime(9, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant());
    }

    @Test
    void a_request_found_unstaffed_is_first_on_the_board_said_in_words_and_the_others_carry_no_mark() throws Exception {
        HelpRequestSummary unstaffed = unstaffed();
        doReturn(CompletableFuture.completedFuture(new HelpRequestBoard(KOELN, List.of(unstaffed, summary(HelpRequestStatus.OPEN)))))
                .when(queryGateway).query(any(FindHelpRequestsQuery.class), any(ResponseType.class));
        String day = nrw.komman.kernel.common.Nrw.date(TODAY.plusDays(2));
        String page = mvc.perform(get("/zentrum/anfragen").with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Noch nicht besetzt – beginnt am " + day + " um 09:00, 1 von 2 bestätigt"),
                        containsString("noch nicht besetzte, die bald beginnen, zuerst"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page.split("Noch nicht besetzt –", -1)).as("one mark, on the unstaffed request only").hasSize(2);
        assertThat(page.indexOf("/zentrum/anfragen/" + unstaffed.requestId())).as("the unstaffed request's row comes first")
                .isPositive().isLessThan(page.indexOf("/zentrum/anfragen/" + REQUEST));
        mvc.perform(get("/zentrum/anfragen").param("lang", "en").with(coordinator()))
                .andExpect(content().string(containsString("Not staffed yet – starts on " + day + " at 09:00, 1 of 2 confirmed")));
    }

    @Test
    void the_coordinators_start_page_lists_the_unstaffed_requests_and_nothing_when_there_are_none() throws Exception {
        doReturn(CompletableFuture.completedFuture(new nrw.komman.kernel.activity.CentreDashboard(KOELN, TODAY, 0, 0, 0, 0, 0,
                java.util.Map.of(), List.of()))).when(queryGateway)
                .query(any(nrw.komman.kernel.activity.FetchCentreDashboardQuery.class), any(ResponseType.class));
        mvc.perform(get("/zentrum").with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Noch nicht besetzte Einsatzanfragen"))));
        HelpRequestSummary unstaffed = unstaffed();
        doReturn(CompletableFuture.completedFuture(new HelpRequestBoard(KOELN, List.of(unstaffed, summary(HelpRequestStatus.OPEN)))))
                .when(queryGateway).query(any(FindHelpRequestsQuery.class), any(ResponseType.class));
        mvc.perform(get("/zentrum").with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Noch nicht besetzte Einsatzanfragen (1)"),
                        containsString("href=\"/zentrum/anfragen/" + unstaffed.requestId() + "\""),
                        containsString("Anfrage öffnen: Dolmetschen"),
                        containsString("um 09:00, 1 von 2 bestätigt"),
                        not(containsString("href=\"/zentrum/anfragen/" + REQUEST + "\"")))));
        verify(queryGateway, org.mockito.Mockito.atLeastOnce()).query(argThat(q -> q instanceof FindHelpRequestsQuery f
                && f.centreId().equals(KOELN) && !f.statuses().contains(HelpRequestStatus.STAFFED)), any(ResponseType.class));
    }

    @Test
    void the_request_page_shows_the_requester_the_assignments_and_the_matches_with_their_reasons() throws Exception {
        mvc.perform(get("/zentrum/anfragen/" + REQUEST).with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Familie Rahimi"), containsString("Aylin Demir"),
                        containsString("angefragt, Antwort steht aus"), containsString("hat zugesagt"),
                        containsString("Zusage eintragen"), containsString("Absage eintragen"), containsString("Ersetzen"),
                        containsString("spricht Dari; interessiert an Begleitung zu Ämtern und Ärzt*innen; dienstags vormittags verfügbar; 2 Einsätze diesen Monat; zu der Zeit frei"),
                        containsString("Nicht vorgeschlagen: 2 schon zu der Zeit eingeplant, 1 abwesend."),
                        containsString("An alle Ausgewählten anbieten"),
                        not(containsString("TUESDAY:MORNING")), not(containsString("CONFIRMED")))));
    }

    @Test
    void an_erased_requester_is_shown_as_erased() throws Exception {
        HelpRequestView erased = new HelpRequestView(summary(HelpRequestStatus.CLOSED), null, null, null, null, null, true,
                TODAY, List.of());
        doReturn(CompletableFuture.completedFuture(erased)).when(queryGateway).query(any(FindHelpRequestQuery.class), any(ResponseType.class));
        mvc.perform(get("/zentrum/anfragen/" + REQUEST).with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("gelöscht"), containsString("abgeschlossen"),
                        not(containsString("Anfrage absagen")))));
    }

    @Test
    void a_past_confirmed_day_offers_took_place_and_no_show_with_the_requests_minutes() throws Exception {
        LocalDate past = TODAY.minusDays(2);
        doReturn(CompletableFuture.completedFuture(view(past))).when(queryGateway).query(any(FindHelpRequestQuery.class), any(ResponseType.class));
        mvc.perform(get("/zentrum/anfragen/" + REQUEST).with(coordinator()))
                .andExpect(content().string(allOf(containsString("Hat stattgefunden"), containsString("Nicht erschienen"))));
        mvc.perform(get("/zentrum/anfragen/" + REQUEST + "/einsaetze/" + CONFIRMED + "/stattgefunden?tag=" + past).with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("name=\"hours\" value=\"1\""),
                        containsString("name=\"minutes\" value=\"30\""),
                        containsString("id=\"dauer-hinweis\">Vorgeschlagen ist die Dauer der Anfrage"))));
        mvc.perform(post("/zentrum/anfragen/" + REQUEST + "/einsaetze/" + CONFIRMED + "/stattgefunden?tag=" + past)
                        .with(coordinator()).with(csrf()).param("hours", "2").param("minutes", "0"))
                .andExpect(status().is3xxRedirection());
        verify(commandGateway).send(argThat(c -> c instanceof RecordAssignmentTookPlaceCommand t && t.minutes() == 120
                && t.day().equals(past) && t.assignmentId().equals(CONFIRMED)));
    }

    // ---- refusals on the page ---------------------------------------------------------------------------

    @Test
    void a_volunteer_booked_meanwhile_is_said_on_the_request_page() throws Exception {
        doReturn(CompletableFuture.failedFuture(new RuleViolationException("assignment.volunteer.booked",
                "Cem Yıldız ist zu dieser Zeit schon für einen anderen Einsatz eingeplant."))).when(commandGateway).send(any());
        // the request's page says it (the layout shows the flash "refusal"); the form is not an error page
        mvc.perform(post("/zentrum/anfragen/" + REQUEST + "/einsaetze").with(coordinator()).with(csrf())
                        .param("volunteerIds", CEM.toString()).param("aktion", "anfragen"))
                .andExpect(redirectedUrl("/zentrum/anfragen/" + REQUEST))
                .andExpect(flash().attribute("refusal", "Cem Yıldız ist zu dieser Zeit schon für einen anderen Einsatz eingeplant."))
                .andExpect(flash().attributeCount(1));
        verify(commandGateway).send(argThat(c -> c instanceof AskVolunteerCommand a && a.volunteerId().equals(CEM)));
    }

    @Test
    void a_refusal_part_way_through_asking_says_who_was_asked_and_who_not() throws Exception {
        VolunteerId unmatched = VolunteerId.random();
        doReturn(CompletableFuture.completedFuture(new VolunteerMatches(REQUEST, List.of(
                new VolunteerMatch(CEM, "Cem Yıldız", 90, List.of()), new VolunteerMatch(AYLIN, "Aylin Demir", 80, List.of())), 0, 0)))
                .when(queryGateway).query(any(MatchVolunteersQuery.class), any(ResponseType.class));
        doReturn(CompletableFuture.failedFuture(new RuleViolationException("help-request.staffed",
                "Die Einsatzanfrage ist schon besetzt."))).when(commandGateway)
                .send(argThat(c -> c instanceof AskVolunteerCommand a && a.volunteerId().equals(AYLIN)));
        mvc.perform(post("/zentrum/anfragen/" + REQUEST + "/einsaetze").with(coordinator()).with(csrf())
                        .param("volunteerIds", CEM.toString(), AYLIN.toString(), unmatched.toString()).param("aktion", "anfragen"))
                .andExpect(redirectedUrl("/zentrum/anfragen/" + REQUEST))
                .andExpect(flash().attribute("refusal", "Angefragt: Cem Yıldız. Nicht angefragt: Aylin Demir, "
                        + "eine Person, die nicht mehr vorgeschlagen wird. Grund: Die Einsatzanfrage ist schon besetzt."))
                .andExpect(flash().attributeCount(1));
        verify(commandGateway).send(argThat(c -> c instanceof AskVolunteerCommand a && a.volunteerId().equals(CEM)));
        verify(commandGateway, never()).send(argThat(c -> c instanceof AskVolunteerCommand a && a.volunteerId().equals(unmatched)));
    }

    @Test
    void at_most_max_offers_people_are_asked_or_offered_at_once() throws Exception {
        String[] tooMany = new String[CoordinationRules.MAX_OFFERS + 1];
        for (int i = 0; i < tooMany.length; i++) {
            tooMany[i] = VolunteerId.random().toString();
        }
        for (String action : List.of("anfragen", "anbieten")) {
            mvc.perform(post("/zentrum/anfragen/" + REQUEST + "/einsaetze").with(coordinator()).with(csrf())
                            .param("volunteerIds", tooMany).param("aktion", action))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("Höchstens " + CoordinationRules.MAX_OFFERS + " Personen")));
        }
        verify(commandGateway, never()).send(argThat(c -> c instanceof AskVolunteerCommand || c instanceof OfferToVolunteersCommand));
        // exactly the most, named twice, is fine
        String[] most = java.util.Arrays.copyOf(tooMany, CoordinationRules.MAX_OFFERS + 1);
        most[CoordinationRules.MAX_OFFERS] = most[0];
        mvc.perform(post("/zentrum/anfragen/" + REQUEST + "/einsaetze").with(coordinator()).with(csrf())
                        .param("volunteerIds", most).param("aktion", "anbieten"))
                .andExpect(flash().attributeExists("confirmation"));
        verify(commandGateway).send(argThat(c -> c instanceof OfferToVolunteersCommand o && o.offers().size() == CoordinationRules.MAX_OFFERS));
    }

    @Test
    void the_platforms_reason_codes_are_said_in_words_a_persons_reason_as_written() throws Exception {
        Schedule schedule = Schedule.once(TUESDAY, LocalTime.of(9, 0), LocalTime.of(11, 0));
        List<AssignmentView> ended = new java.util.ArrayList<>();
        for (String reason : List.of("volunteer.deactivated", "volunteer.erased", "help-request.cancelled", "Ist krank.")) {
            ended.add(new AssignmentView(AssignmentId.random(), REQUEST, KOELN, VolunteerId.random(), "Person " + ended.size(),
                    AssignmentStatus.CANCELLED, ActivityCategory.ACCOMPANIMENT, schedule, 90, "Köln", null, reason, List.of(), List.of()));
        }
        doReturn(CompletableFuture.completedFuture(new HelpRequestView(summary(HelpRequestStatus.PARTLY_STAFFED), "Ausländerbehörde",
                "Familie Rahimi", "0221 555", null, null, false, null, ended)))
                .when(queryGateway).query(any(FindHelpRequestQuery.class), any(ResponseType.class));
        mvc.perform(get("/zentrum/anfragen/" + REQUEST).with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("(<span>Die Person wurde deaktiviert.</span>)"),
                        containsString("(<span>Die Daten der Person wurden gelöscht.</span>)"),
                        containsString("(<span>Die ganze Anfrage wurde abgesagt.</span>)"),
                        containsString("(<span>Ist krank.</span>)"),
                        not(containsString("volunteer.deactivated")), not(containsString("volunteer.erased")),
                        not(containsString("help-request.cancelled")))));
        mvc.perform(get("/zentrum/anfragen/" + REQUEST).param("lang", "en").with(coordinator()))
                .andExpect(content().string(allOf(containsString("The person was deactivated."),
                        containsString("The person&#39;s data were erased."), containsString("The whole request was called off."))));
    }

    @Test
    void a_staffed_request_refuses_a_confirmation_on_the_page() throws Exception {
        doReturn(CompletableFuture.failedFuture(new RuleViolationException("help-request.staffed",
                "Die Einsatzanfrage ist schon besetzt."))).when(commandGateway).send(any());
        mvc.perform(post("/zentrum/anfragen/" + REQUEST + "/einsaetze/" + ASKED + "/zusage").with(coordinator()).with(csrf()))
                .andExpect(redirectedUrl("/zentrum/anfragen/" + REQUEST))
                .andExpect(flash().attribute("refusal", "Die Einsatzanfrage ist schon besetzt."));
        verify(commandGateway).send(argThat(c -> c instanceof ConfirmAssignmentCommand x && x.assignmentId().equals(ASKED)));
    }

    @Test
    void offering_sends_one_offer_to_all_chosen() throws Exception {
        mvc.perform(post("/zentrum/anfragen/" + REQUEST + "/einsaetze").with(coordinator()).with(csrf())
                        .param("volunteerIds", CEM.toString(), AYLIN.toString()).param("aktion", "anbieten"))
                .andExpect(flash().attributeExists("confirmation"));
        verify(commandGateway).send(argThat(c -> c instanceof OfferToVolunteersCommand o && o.offers().keySet().equals(Set.of(CEM, AYLIN))));
        mvc.perform(post("/zentrum/anfragen/" + REQUEST + "/einsaetze").with(coordinator()).with(csrf()).param("aktion", "anbieten"))
                .andExpect(flash().attribute("refusal", "Bitte wählen Sie mindestens eine Person aus."));
    }

    @Test
    void cancelling_a_confirmed_assignment_asks_first_and_needs_a_reason() throws Exception {
        mvc.perform(get("/zentrum/anfragen/" + REQUEST + "/einsaetze/" + CONFIRMED + "/stornierung").with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Einsatz von Ben Kaya absagen?"), containsString("button-danger"))));
        mvc.perform(post("/zentrum/anfragen/" + REQUEST + "/einsaetze/" + CONFIRMED + "/stornierung").with(coordinator()).with(csrf())
                        .param("reason", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#reason\">Bitte geben Sie einen Grund an.</a>")));
        verify(commandGateway, never()).send(any());
        mvc.perform(post("/zentrum/anfragen/" + REQUEST + "/einsaetze/" + CONFIRMED + "/stornierung").with(coordinator()).with(csrf())
                        .param("reason", "Termin verschoben"))
                .andExpect(status().is3xxRedirection());
        verify(commandGateway).send(argThat(c -> c instanceof CancelAssignmentCommand x && "Termin verschoben".equals(x.reason())));
    }

    @Test
    void the_state_overview_shows_the_coordination_figures_in_words_and_no_names() throws Exception {
        nrw.komman.kernel.common.Money zero = nrw.komman.kernel.common.Money.ZERO;
        nrw.komman.kernel.ministry.Figures none = new nrw.komman.kernel.ministry.Figures(0, 0, 0, java.util.Map.of(),
                java.util.Map.of(), java.util.Map.of(nrw.komman.kernel.grant.GrantStatus.APPROVED, 1L), zero, zero, zero, zero,
                zero, zero, 5);
        doReturn(CompletableFuture.completedFuture(new nrw.komman.kernel.ministry.MinistryOverview(TODAY.getYear(), none,
                List.of(new nrw.komman.kernel.ministry.RegionFigures(nrw.komman.kernel.centre.Regierungsbezirk.KOELN, 12, none)),
                List.of()))).when(queryGateway).query(any(nrw.komman.kernel.ministry.FetchMinistryOverviewQuery.class), any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(new nrw.komman.kernel.coordination.CoordinationFigures(TODAY, 4, 1, 1, 1, 1, 0, 2,
                12.5, List.of(new nrw.komman.kernel.coordination.UnmetDemand(nrw.komman.kernel.centre.Regierungsbezirk.KOELN, "prs", 1, 2)), 3)))
                .when(queryGateway).query(any(nrw.komman.kernel.coordination.FetchCoordinationFiguresQuery.class), any(ResponseType.class));
        mvc.perform(get("/landesweit").with(ministry()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Einsatzanfragen insgesamt"), containsString("67"),
                        containsString("12,5 Std."), containsString("Fehlende Sprachen je Regierungsbezirk"),
                        containsString("kurz vor Beginn noch nicht besetzt (gemeldet)</dt><dd>3</dd>"),
                        containsString("Verwendungsnachweise jetzt überfällig</dt>"),
                        containsString("<span class=\"figure-value\">5</span>"),
                        containsString("<td>Dari</td>"), containsString("aria-labelledby=\"fehlende-sprachen\""),
                        not(containsString(">prs<")))));
        verify(queryGateway).query(argThat(q -> q instanceof nrw.komman.kernel.coordination.FetchCoordinationFiguresQuery f
                && f.asOf() == null), any(ResponseType.class));
    }

    @Test
    void calling_a_request_off_asks_first_and_needs_a_reason_closing_asks_first() throws Exception {
        mvc.perform(get("/zentrum/anfragen/" + REQUEST + "/absage").with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Einsatzanfrage absagen?"), containsString("button-danger"),
                        containsString("Zusagen für Termine, die noch bevorstehen, und offene Anfragen an Ehrenamtliche werden mit abgesagt"))));
        mvc.perform(post("/zentrum/anfragen/" + REQUEST + "/absage").with(coordinator()).with(csrf()).param("reason", " "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#reason\">Bitte geben Sie einen Grund an.</a>")));
        verify(commandGateway, never()).send(any());
        mvc.perform(post("/zentrum/anfragen/" + REQUEST + "/absage").with(coordinator()).with(csrf()).param("reason", "Familie ist umgezogen"))
                .andExpect(redirectedUrl("/zentrum/anfragen/" + REQUEST));
        verify(commandGateway).send(argThat(c -> c instanceof nrw.komman.kernel.coordination.CancelHelpRequestCommand x
                && x.reason().equals("Familie ist umgezogen")));
        mvc.perform(get("/zentrum/anfragen/" + REQUEST + "/abschluss").with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Einsatzanfrage abschließen?"), containsString("Ja, abschließen"))));
        mvc.perform(post("/zentrum/anfragen/" + REQUEST + "/abschluss").with(coordinator()).with(csrf()))
                .andExpect(flash().attribute("confirmation", "Die Einsatzanfrage ist abgeschlossen."));
        verify(commandGateway).send(argThat(c -> c instanceof nrw.komman.kernel.coordination.CloseHelpRequestCommand x
                && x.requestId().equals(REQUEST)));
    }

    @Test
    void replacing_offers_the_other_matches_and_asks_the_chosen_one() throws Exception {
        mvc.perform(get("/zentrum/anfragen/" + REQUEST + "/einsaetze/" + CONFIRMED + "/ersetzen").with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Wer springt für Ben Kaya ein?"), containsString("Cem Yıldız"),
                        containsString("spricht Dari"))));
        mvc.perform(post("/zentrum/anfragen/" + REQUEST + "/einsaetze/" + CONFIRMED + "/ersetzen").with(coordinator()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("href=\"#volunteerId\">Bitte wählen Sie aus, wer einspringt.</a>"),
                        containsString("href=\"#reason\">Bitte geben Sie einen Grund an.</a>"))));
        verify(commandGateway, never()).send(any());
        mvc.perform(post("/zentrum/anfragen/" + REQUEST + "/einsaetze/" + CONFIRMED + "/ersetzen").with(coordinator()).with(csrf())
                        .param("volunteerId", CEM.toString()).param("reason", "krank"))
                .andExpect(redirectedUrl("/zentrum/anfragen/" + REQUEST));
        verify(commandGateway).send(argThat(c -> c instanceof nrw.komman.kernel.coordination.ReplaceAssignmentCommand x
                && x.assignmentId().equals(CONFIRMED) && x.replacement().equals(CEM) && "krank".equals(x.reason())));
    }

    @Test
    void the_ministry_does_not_open_the_board() throws Exception {
        mvc.perform(get("/zentrum/anfragen").with(ministry())).andExpect(status().isForbidden());
    }
}
