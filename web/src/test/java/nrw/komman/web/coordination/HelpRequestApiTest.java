package nrw.komman.web.coordination;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.admin.AwaitReadModelsQuery;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.coordination.AskVolunteerCommand;
import nrw.komman.kernel.coordination.CancelAssignmentCommand;
import nrw.komman.kernel.coordination.CancelHelpRequestCommand;
import nrw.komman.kernel.coordination.CloseHelpRequestCommand;
import nrw.komman.kernel.coordination.ConfirmAssignmentCommand;
import nrw.komman.kernel.coordination.CoordinationFigures;
import nrw.komman.kernel.coordination.DeclineAssignmentCommand;
import nrw.komman.kernel.coordination.FetchCoordinationFiguresQuery;
import nrw.komman.kernel.coordination.FindHelpRequestQuery;
import nrw.komman.kernel.coordination.FindHelpRequestsQuery;
import nrw.komman.kernel.coordination.HelpRequestBoard;
import nrw.komman.kernel.coordination.HelpRequestId;
import nrw.komman.kernel.coordination.HelpRequestStatus;
import nrw.komman.kernel.coordination.HelpRequestSummary;
import nrw.komman.kernel.coordination.HelpRequestView;
import nrw.komman.kernel.coordination.MatchVolunteersQuery;
import nrw.komman.kernel.coordination.OfferToVolunteersCommand;
import nrw.komman.kernel.coordination.OpenHelpRequestCommand;
import nrw.komman.kernel.coordination.RecordAssignmentTookPlaceCommand;
import nrw.komman.kernel.coordination.RecordNoShowCommand;
import nrw.komman.kernel.coordination.ReplaceAssignmentCommand;
import nrw.komman.kernel.coordination.Schedule;
import nrw.komman.kernel.coordination.VolunteerMatches;
import nrw.komman.kernel.coordination.AssignmentId;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.web.WebTestApplication;
import nrw.komman.web.account.AccountService;
import nrw.komman.web.platform.ApiLogins;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static nrw.komman.web.platform.ApiLogins.coordinator;
import static nrw.komman.web.platform.ApiLogins.duesseldorf;
import static nrw.komman.web.platform.ApiLogins.json;
import static nrw.komman.web.platform.ApiLogins.ministry;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The API of requests for help and assignments with mocked gateways: each endpoint's answer, the values its command
 * carries, bad input as a 400 problem in German with nothing sent, and the domain's 409 passed on.
 */
@SpringBootTest(classes = WebTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:web-api-help-requests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.flyway.locations=classpath:db/migration/common",
        "komman.admin.password=" + ApiLogins.ADMIN_PASSWORD})
@AutoConfigureMockMvc
class HelpRequestApiTest {

    private static final CentreId KOELN = new CentreId("05315");
    private static final HelpRequestId REQUEST = HelpRequestId.random();
    private static final AssignmentId ASSIGNMENT = AssignmentId.random();
    private static final VolunteerId AYLIN = VolunteerId.random();
    private static final VolunteerId BEN = VolunteerId.random();
    private static final LocalDate TUESDAY = LocalDate.of(2030, 1, 8);
    private static final String OPEN_BODY = """
            {"category":"ACCOMPANIMENT","languages":["prs"],
             "schedule":{"firstDay":"2030-01-08","start":"09:00","end":"11:00"},
             "minutes":90,"municipality":"Köln","place":"Ausländerbehörde, Blumenthalstraße",
             "volunteersNeeded":1,"requesterName":"Familie Rahimi","requesterContact":"0221 555","note":null,"grantId":null}""";

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
        accounts.createIfAbsent("koordination.koeln", ApiLogins.PASSWORD, AccountRole.COORDINATOR, KOELN, "test");
        accounts.createIfAbsent("koordination.duesseldorf", ApiLogins.PASSWORD, AccountRole.COORDINATOR, new CentreId("05111"), "test");
        accounts.createIfAbsent("ministerium", ApiLogins.PASSWORD, AccountRole.MINISTRY, null, "test");
        doReturn(CompletableFuture.completedFuture(null)).when(commandGateway).send(any());
        doReturn(CompletableFuture.completedFuture(true)).when(queryGateway)
                .query(any(AwaitReadModelsQuery.class), any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(view())).when(queryGateway)
                .query(any(FindHelpRequestQuery.class), any(ResponseType.class));
    }

    static HelpRequestSummary summary() {
        return new HelpRequestSummary(REQUEST, KOELN, ActivityCategory.ACCOMPANIMENT, Set.of("prs"),
                Schedule.once(TUESDAY, LocalTime.of(9, 0), LocalTime.of(11, 0)), 90, "Köln", 1, 0, 0, HelpRequestStatus.OPEN);
    }

    static HelpRequestView view() {
        return new HelpRequestView(summary(), "Ausländerbehörde", "Familie Rahimi", "0221 555", null, null, false, null, List.of());
    }

    // ---- requests --------------------------------------------------------------------------------------

    @Test
    void a_coordinator_records_a_request_and_gets_its_id_and_location() throws Exception {
        mvc.perform(json(post("/api/centres/05315/help-requests"), OPEN_BODY).with(coordinator()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.requestId").value(matchesPattern("[0-9a-f-]{36}")))
                .andExpect(header().string(HttpHeaders.LOCATION, containsString("/api/help-requests/")));
        verify(commandGateway).send(argThat(c -> c instanceof OpenHelpRequestCommand o
                && o.centreId().equals(KOELN) && o.category() == ActivityCategory.ACCOMPANIMENT
                && o.languages().equals(Set.of("prs")) && o.schedule().equals(Schedule.once(TUESDAY, LocalTime.of(9, 0), LocalTime.of(11, 0)))
                && o.minutes() == 90 && o.volunteersNeeded() == 1 && o.municipality().equals("Köln")
                && o.requesterName().equals("Familie Rahimi") && o.grantId() == null));
    }

    @Test
    void a_recurring_request_carries_its_weekdays() throws Exception {
        String body = OPEN_BODY.replace("{\"firstDay\":\"2030-01-08\",\"start\"",
                "{\"firstDay\":\"2030-01-01\",\"lastDay\":\"2030-03-31\",\"weekdays\":[\"THURSDAY\"],\"start\"");
        mvc.perform(json(post("/api/centres/05315/help-requests"), body).with(coordinator()))
                .andExpect(status().isCreated());
        verify(commandGateway).send(argThat(c -> c instanceof OpenHelpRequestCommand o
                && o.schedule().weekdays().equals(Set.of(DayOfWeek.THURSDAY)) && o.schedule().lastDay().equals(LocalDate.of(2030, 3, 31))));
    }

    @Test
    void bad_input_is_a_400_in_german_and_nothing_is_sent() throws Exception {
        mvc.perform(json(post("/api/centres/05315/help-requests"), "{\"category\":\"ACCOMPANIMENT\"}").with(coordinator()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().string(containsString("fehlt")));
        mvc.perform(json(post("/api/centres/05315/help-requests"), OPEN_BODY.replace("\"end\":\"11:00\"", "\"end\":\"08:00\""))
                        .with(coordinator()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("schedule.end.before-start"))
                .andExpect(jsonPath("$.detail").value("Die Endzeit muss nach der Anfangszeit liegen."));
        mvc.perform(json(post("/api/centres/05315/help-requests"), OPEN_BODY.replace("\"minutes\":90", "\"minutes\":180"))
                        .with(coordinator()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("minutes.beyond-span"));
        mvc.perform(json(post("/api/centres/05315/help-requests"), OPEN_BODY.replace("\"volunteersNeeded\":1", "\"volunteersNeeded\":21"))
                        .with(coordinator()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Es werden 1 bis 20 Ehrenamtliche angefragt."));
        mvc.perform(json(post("/api/help-requests/keine-kennung/closure"), "").with(coordinator()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("help-request.id.malformed"));
        verify(commandGateway, never()).send(any());
    }

    @Test
    void another_centre_and_the_ministry_record_no_request_there() throws Exception {
        mvc.perform(json(post("/api/centres/05315/help-requests"), OPEN_BODY).with(duesseldorf()))
                .andExpect(status().isForbidden());
        mvc.perform(json(post("/api/centres/05315/help-requests"), OPEN_BODY).with(ministry()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/help-requests/" + REQUEST).with(duesseldorf()))
                .andExpect(status().isForbidden());
        verify(commandGateway, never()).send(any());
    }

    @Test
    void the_board_the_request_and_its_matches_are_read_for_the_centre() throws Exception {
        doReturn(CompletableFuture.completedFuture(new HelpRequestBoard(KOELN, List.of(summary())))).when(queryGateway)
                .query(any(FindHelpRequestsQuery.class), any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(new VolunteerMatches(REQUEST, List.of(), 2, 1))).when(queryGateway)
                .query(any(MatchVolunteersQuery.class), any(ResponseType.class));
        mvc.perform(get("/api/centres/05315/help-requests?status=OPEN&status=STAFFED&from=2030-01-01").with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.requests[0].municipality").value("Köln"));
        verify(queryGateway).query(argThat(q -> q instanceof FindHelpRequestsQuery f && f.centreId().equals(KOELN)
                && f.statuses().equals(Set.of(HelpRequestStatus.OPEN, HelpRequestStatus.STAFFED))
                && f.from().equals(LocalDate.of(2030, 1, 1))), any(ResponseType.class));
        mvc.perform(get("/api/help-requests/" + REQUEST).with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.requesterName").value("Familie Rahimi"));
        mvc.perform(get("/api/help-requests/" + REQUEST + "/matches").with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.notOfferedAsBooked").value(2));
        verify(queryGateway).query(argThat(q -> q instanceof MatchVolunteersQuery m && m.limit() == 20), any(ResponseType.class));
        mvc.perform(get("/api/help-requests/" + REQUEST + "/matches?limit=500").with(coordinator()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Es werden 1 bis 100 Vorschläge angezeigt."));
    }

    @Test
    void cancelling_a_request_needs_a_reason_closing_needs_none() throws Exception {
        mvc.perform(json(post("/api/help-requests/" + REQUEST + "/cancellation"), "{\"reason\":\" \"}").with(coordinator()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        verify(commandGateway, never()).send(any());
        mvc.perform(json(post("/api/help-requests/" + REQUEST + "/cancellation"), "{\"reason\":\"Termin entfällt\"}").with(coordinator()))
                .andExpect(status().isNoContent());
        verify(commandGateway).send(argThat(c -> c instanceof CancelHelpRequestCommand x && x.requestId().equals(REQUEST)
                && x.reason().equals("Termin entfällt")));
        mvc.perform(post("/api/help-requests/" + REQUEST + "/closure").with(coordinator()))
                .andExpect(status().isNoContent());
        verify(commandGateway).send(argThat(c -> c instanceof CloseHelpRequestCommand x && x.requestId().equals(REQUEST)));
    }

    // ---- assignments -----------------------------------------------------------------------------------

    @Test
    void asking_and_offering_draw_the_assignment_ids_in_the_web() throws Exception {
        mvc.perform(json(post("/api/help-requests/" + REQUEST + "/assignments"), "{\"volunteerId\":\"" + AYLIN + "\"}")
                        .with(coordinator()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.assignmentId").value(matchesPattern("[0-9a-f-]{36}")));
        verify(commandGateway).send(argThat(c -> c instanceof AskVolunteerCommand a && a.requestId().equals(REQUEST)
                && a.volunteerId().equals(AYLIN) && a.assignmentId() != null));
        mvc.perform(json(post("/api/help-requests/" + REQUEST + "/offers"),
                        "{\"volunteerIds\":[\"" + AYLIN + "\",\"" + BEN + "\"]}").with(coordinator()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.assignmentIds['" + AYLIN + "']").value(matchesPattern("[0-9a-f-]{36}")))
                .andExpect(jsonPath("$.assignmentIds['" + BEN + "']").value(matchesPattern("[0-9a-f-]{36}")));
        verify(commandGateway).send(argThat(c -> c instanceof OfferToVolunteersCommand o
                && o.offers().keySet().equals(Set.of(AYLIN, BEN))));
    }

    @Test
    void the_answers_and_outcomes_carry_their_values() throws Exception {
        String base = "/api/help-requests/" + REQUEST + "/assignments/" + ASSIGNMENT;
        mvc.perform(post(base + "/confirmation").with(coordinator())).andExpect(status().isNoContent());
        verify(commandGateway).send(argThat(c -> c instanceof ConfirmAssignmentCommand x && x.assignmentId().equals(ASSIGNMENT)));
        mvc.perform(json(post(base + "/declination"), "{\"reason\":\"krank\"}").with(coordinator())).andExpect(status().isNoContent());
        verify(commandGateway).send(argThat(c -> c instanceof DeclineAssignmentCommand x && "krank".equals(x.reason())));
        mvc.perform(json(post(base + "/cancellation"), "{\"reason\":\"Termin verschoben\"}").with(coordinator()))
                .andExpect(status().isNoContent());
        verify(commandGateway).send(argThat(c -> c instanceof CancelAssignmentCommand x && "Termin verschoben".equals(x.reason())));
        mvc.perform(json(post(base + "/replacement"), "{\"volunteerId\":\"" + BEN + "\",\"reason\":\"krank\"}").with(coordinator()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.assignmentId").exists());
        verify(commandGateway).send(argThat(c -> c instanceof ReplaceAssignmentCommand x && x.assignmentId().equals(ASSIGNMENT)
                && x.replacement().equals(BEN) && !x.replacementId().equals(ASSIGNMENT)));
        mvc.perform(json(post(base + "/took-place"), "{\"day\":\"2030-01-08\",\"minutes\":75}").with(coordinator()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.activityId").value(matchesPattern("[0-9a-f-]{36}")));
        verify(commandGateway).send(argThat(c -> c instanceof RecordAssignmentTookPlaceCommand x && x.minutes() == 75
                && x.day().equals(TUESDAY) && x.activityId() != null));
        mvc.perform(json(post(base + "/no-show"), "{\"day\":\"2030-01-08\"}").with(coordinator())).andExpect(status().isNoContent());
        verify(commandGateway).send(argThat(c -> c instanceof RecordNoShowCommand x && x.day().equals(TUESDAY)));
    }

    @Test
    void took_place_without_minutes_takes_the_requests_minutes() throws Exception {
        mvc.perform(json(post("/api/help-requests/" + REQUEST + "/assignments/" + ASSIGNMENT + "/took-place"), "{\"day\":\"2030-01-08\"}")
                        .with(coordinator()))
                .andExpect(status().isCreated());
        verify(commandGateway).send(argThat(c -> c instanceof RecordAssignmentTookPlaceCommand x && x.minutes() == 90));
    }

    @Test
    void a_malformed_volunteer_or_missing_day_is_a_400_and_nothing_is_sent() throws Exception {
        mvc.perform(json(post("/api/help-requests/" + REQUEST + "/assignments"), "{\"volunteerId\":\"1-2-3-4-5\"}").with(coordinator()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("volunteer.id.malformed"));
        mvc.perform(json(post("/api/help-requests/" + REQUEST + "/offers"), "{\"volunteerIds\":[]}").with(coordinator()))
                .andExpect(status().isBadRequest());
        mvc.perform(json(post("/api/help-requests/" + REQUEST + "/assignments/" + ASSIGNMENT + "/no-show"), "{}").with(coordinator()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("day"));
        verify(commandGateway, never()).send(any());
    }

    @Test
    void a_volunteer_booked_elsewhere_is_a_409_with_the_german_sentence() throws Exception {
        doReturn(CompletableFuture.failedFuture(new RuleViolationException("assignment.volunteer.booked",
                "Aylin Demir ist zu dieser Zeit schon für einen anderen Einsatz eingeplant."))).when(commandGateway).send(any());
        mvc.perform(json(post("/api/help-requests/" + REQUEST + "/assignments"), "{\"volunteerId\":\"" + AYLIN + "\"}")
                        .with(coordinator()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("assignment.volunteer.booked"))
                .andExpect(jsonPath("$.detail").value(containsString("schon für einen anderen Einsatz eingeplant")));
    }

    @Test
    void the_ministry_reads_the_coordination_figures_a_coordinator_does_not() throws Exception {
        doReturn(CompletableFuture.completedFuture(new CoordinationFigures(LocalDate.of(2026, 12, 31), 4, 1, 1, 1, 1, 0, 1,
                12.5, List.of()))).when(queryGateway).query(any(FetchCoordinationFiguresQuery.class), any(ResponseType.class));
        mvc.perform(get("/api/state/coordination?asOf=2026-12-31").with(ministry()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.requests").value(4));
        verify(queryGateway).query(argThat(q -> q instanceof FetchCoordinationFiguresQuery f
                && LocalDate.of(2026, 12, 31).equals(f.asOf())), any(ResponseType.class));
        mvc.perform(get("/api/state/coordination").with(coordinator()))
                .andExpect(status().isForbidden());
    }
}
