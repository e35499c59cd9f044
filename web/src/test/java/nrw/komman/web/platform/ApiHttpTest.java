package nrw.komman.web.platform;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.admin.AwaitReadModelsQuery;
import nrw.komman.kernel.admin.FetchReadModelStatusQuery;
import nrw.komman.kernel.admin.ReadModelStatus;
import nrw.komman.kernel.admin.RebuildReadModelsCommand;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.CentreView;
import nrw.komman.kernel.centre.FindCentreQuery;
import nrw.komman.kernel.centre.Regierungsbezirk;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.grant.ApplyForGrantCommand;
import nrw.komman.kernel.grant.RejectGrantCommand;
import nrw.komman.kernel.volunteer.FindVolunteerQuery;
import nrw.komman.kernel.volunteer.RegisterVolunteerCommand;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerStatus;
import nrw.komman.kernel.volunteer.VolunteerView;
import nrw.komman.web.WebTestApplication;
import nrw.komman.web.account.AccountService;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static nrw.komman.web.platform.ApiLogins.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The web module's own behaviour over HTTP, with the domain replaced by mocked gateways: security
 * chains and role rules, status codes, Location headers, read-your-writes, problem responses. The
 * application's end-to-end tests run the same requests against the real domain.
 */
@SpringBootTest(classes = WebTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:web-api;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.flyway.locations=classpath:db/migration/common",
        "komman.admin.password=" + ApiLogins.ADMIN_PASSWORD})
@AutoConfigureMockMvc
class ApiHttpTest {

    private static final CentreId KOELN = new CentreId("05315");
    private static final String VOLUNTEER_JSON = """
            {"name":"Aylin Demir","email":"aylin@example.org","languages":["ar","de"],
             "interests":["LANGUAGE_SUPPORT"],
             "consent":{"document":"Einwilligung Datenverarbeitung","version":"2024-01","givenAt":"2025-03-01T09:00:00Z"}}""";

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
        accounts.createIfAbsent("ministerium", PASSWORD, AccountRole.MINISTRY, null, "test");
        accounts.createIfAbsent("bezreg", PASSWORD, AccountRole.GRANT_OFFICER, null, "test");
        accounts.createIfAbsent("pruefung", PASSWORD, AccountRole.AUDITOR, null, "test");
        doReturn(CompletableFuture.completedFuture(null)).when(commandGateway).send(any());
        doReturn(CompletableFuture.completedFuture(true)).when(queryGateway)
                .query(any(AwaitReadModelsQuery.class), any(ResponseType.class));
    }

    // ---- authentication -------------------------------------------------------------------

    @Test
    void a_request_without_sign_in_gets_401_problem_json_with_a_basic_challenge() throws Exception {
        mvc.perform(get("/api/centres"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Basic realm=\"KOMM-AN NRW\"")))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail").value("Anmeldung erforderlich."))
                .andExpect(jsonPath("$.code").value("authentication.required"))
                .andExpect(jsonPath("$.instance").value("/api/centres"));
    }

    @Test
    void a_wrong_password_gets_401_without_saying_what_was_wrong() throws Exception {
        mvc.perform(get("/api/centres").with(httpBasic("ministerium", "falsches-passwort")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("authentication.failed"))
                .andExpect(jsonPath("$.detail").value(containsString("Benutzername oder Passwort")));
    }

    @Test
    void the_bootstrapped_administrator_signs_in_and_sees_accounts_without_password_hashes() throws Exception {
        mvc.perform(get("/api/admin/accounts").with(httpBasic("admin", ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].username", hasItem("admin")))
                .andExpect(content().string(not(containsString("bcrypt"))))
                .andExpect(content().string(not(containsString("password_hash"))));
    }

    @Test
    void the_signed_in_account_can_ask_who_it_is() throws Exception {
        mvc.perform(get("/api/me").with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.account").value("koordination.koeln"))
                .andExpect(jsonPath("$.role").value("COORDINATOR"))
                .andExpect(jsonPath("$.centreId").value("05315"));
    }

    // ---- roles ----------------------------------------------------------------------------

    @Test
    void ministry_and_auditors_never_reach_volunteer_data() throws Exception {
        for (RequestPostProcessor who : List.of(ministry(), auditor(), grantOfficer())) {
            mvc.perform(get("/api/centres/05315/volunteers").with(who))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value("Dafür fehlt Ihnen die Berechtigung."));
            mvc.perform(get("/api/volunteers/" + VolunteerId.random()).with(who)).andExpect(status().isForbidden());
            mvc.perform(get("/api/centres/05315/activities").with(who)).andExpect(status().isForbidden());
        }
    }

    @Test
    void each_decision_belongs_to_its_role() throws Exception {
        String grant = "/api/grants/" + java.util.UUID.randomUUID();
        mvc.perform(json(post(grant + "/approval"), "{\"approvedAmount\":\"100.00\"}").with(grantOfficer()))
                .andExpect(status().isForbidden());
        mvc.perform(json(post(grant + "/review"), "{\"recommendation\":\"APPROVE\",\"note\":\"ok\"}").with(ministry()))
                .andExpect(status().isForbidden());
        mvc.perform(json(post("/api/grants"), "{}").with(auditor())).andExpect(status().isForbidden());
        mvc.perform(get("/api/ministry/overview").with(coordinator())).andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/accounts").with(ministry())).andExpect(status().isForbidden());
        mvc.perform(json(post("/api/centres"), "{}").with(coordinator())).andExpect(status().isForbidden());
        verify(commandGateway, never()).send(any());
    }

    @Test
    void a_coordinator_of_another_centre_is_refused_before_anything_is_sent() throws Exception {
        mvc.perform(json(post("/api/centres/05166/volunteers"), VOLUNTEER_JSON).with(coordinator()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("centre.foreign"));
        mvc.perform(get("/api/grants?centreId=05166").with(coordinator()))
                .andExpect(status().isForbidden());
        verify(commandGateway, never()).send(any());
    }

    // ---- commands -------------------------------------------------------------------------

    @Test
    void registering_a_volunteer_answers_201_with_location_and_id_after_the_read_models_caught_up() throws Exception {
        String location = mvc.perform(json(post("/api/centres/05315/volunteers"), VOLUNTEER_JSON).with(coordinator()))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, matchesPattern("/api/volunteers/[0-9a-f-]{36}")))
                .andExpect(jsonPath("$.volunteerId").value(matchesPattern("[0-9a-f-]{36}")))
                .andReturn().getResponse().getHeader(HttpHeaders.LOCATION);

        String id = location.substring(location.lastIndexOf('/') + 1);
        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(commandGateway).send(sent.capture());
        RegisterVolunteerCommand command = (RegisterVolunteerCommand) sent.getValue();
        assertThat(command.volunteerId().toString()).isEqualTo(id);
        assertThat(command.centreId()).isEqualTo(KOELN);
        assertThat(command.personalData().languages()).containsExactly("ar", "de");
        verify(queryGateway).query(argThat(q -> q instanceof AwaitReadModelsQuery await && await.aggregateIdentifier().equals(id)),
                any(ResponseType.class));
    }

    @Test
    void applying_for_a_grant_defaults_to_the_coordinators_centre() throws Exception {
        mvc.perform(json(post("/api/grants"), """
                        {"fundingYear":2026,"programmePart":"PART_II_A","title":"Ankommenstreffpunkt",
                         "purpose":"Wöchentliches Café","requestedAmount":"12500.00"}""").with(coordinator()))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, matchesPattern("/api/grants/[0-9a-f-]{36}")))
                .andExpect(jsonPath("$.grantId").isNotEmpty());

        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(commandGateway).send(sent.capture());
        assertThat(((ApplyForGrantCommand) sent.getValue()).centreId()).isEqualTo(KOELN);
    }

    @Test
    void a_decision_answers_204() throws Exception {
        String id = java.util.UUID.randomUUID().toString();

        mvc.perform(json(post("/api/grants/" + id + "/rejection"), "{\"reason\":\"Nicht förderfähig\"}").with(ministry()))
                .andExpect(status().isNoContent());

        verify(commandGateway).send(argThat(c -> c instanceof RejectGrantCommand r && r.grantId().toString().equals(id)));
    }

    @Test
    void a_rebuild_of_the_read_models_is_accepted_with_202() throws Exception {
        mvc.perform(post("/api/admin/read-models/rebuild").with(admin()))
                .andExpect(status().isAccepted())
                .andExpect(header().string(HttpHeaders.LOCATION, "/api/admin/read-models"));

        verify(commandGateway).send(any(RebuildReadModelsCommand.class));
    }

    @Test
    void the_read_model_status_lists_every_processor() throws Exception {
        doReturn(CompletableFuture.completedFuture(List.of(new ReadModelStatus("centre-views", true, false, false, 1, 42, 42, List.of("centre_view"), null))))
                .when(queryGateway).query(any(FetchReadModelStatusQuery.class), any(ResponseType.class));

        mvc.perform(get("/api/admin/read-models").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].processor").value("centre-views"))
                .andExpect(jsonPath("$[0].position").value(42));
    }

    @Test
    void an_administrator_creates_a_coordinator_account_for_an_established_centre() throws Exception {
        doReturn(CompletableFuture.completedFuture(new CentreView(KOELN, "Stadt Köln", "Kreisfreie Stadt",
                Regierungsbezirk.KOELN, true, LocalDate.of(2013, 1, 1), null)))
                .when(queryGateway).query(any(FindCentreQuery.class), any(ResponseType.class));

        mvc.perform(json(post("/api/admin/accounts"),
                        "{\"username\":\"neu.koeln\",\"password\":\"" + PASSWORD + "\",\"role\":\"COORDINATOR\",\"centreId\":\"05315\"}")
                        .with(admin()))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, "/api/admin/accounts/neu.koeln"))
                .andExpect(jsonPath("$.username").value("neu.koeln"))
                .andExpect(jsonPath("$.centreId").value("05315"))
                .andExpect(jsonPath("$.createdBy").value("admin"));
        mvc.perform(get("/api/me").with(httpBasic("neu.koeln", PASSWORD))).andExpect(status().isOk());

        mvc.perform(post("/api/admin/accounts/neu.koeln/disable").with(admin())).andExpect(status().isNoContent());
        mvc.perform(get("/api/me").with(httpBasic("neu.koeln", PASSWORD))).andExpect(status().isUnauthorized());
    }

    @Test
    void an_account_with_a_short_password_is_refused_with_the_field() throws Exception {
        mvc.perform(json(post("/api/admin/accounts"), "{\"username\":\"kurz\",\"password\":\"kurz\",\"role\":\"AUDITOR\"}")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("password.too-short"))
                .andExpect(jsonPath("$.errors[0].field").value("password"));
    }

    // ---- queries --------------------------------------------------------------------------

    @Test
    void a_coordinator_reads_a_volunteer_of_their_centre() throws Exception {
        VolunteerId id = VolunteerId.random();
        doReturn(CompletableFuture.completedFuture(new VolunteerView(id, KOELN, "Aylin Demir", "aylin@example.org", null, null,
                Set.of("ar"), Set.of(ActivityCategory.LANGUAGE_SUPPORT), VolunteerStatus.ACTIVE, LocalDate.of(2025, 3, 1),
                null, 90, 1, false)))
                .when(queryGateway).query(any(FindVolunteerQuery.class), any(ResponseType.class));

        mvc.perform(get("/api/volunteers/" + id).with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Aylin Demir"))
                .andExpect(jsonPath("$.registeredOn").value("2025-03-01"));
    }

    @Test
    void an_unknown_volunteer_is_404() throws Exception {
        doReturn(CompletableFuture.completedFuture(null)).when(queryGateway).query(any(FindVolunteerQuery.class), any(ResponseType.class));

        mvc.perform(get("/api/volunteers/" + VolunteerId.random()).with(coordinator()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("volunteer.not-found"));
    }

    // ---- problems -------------------------------------------------------------------------

    @Test
    void malformed_json_is_400() throws Exception {
        mvc.perform(json(post("/api/centres/05315/volunteers"), "{\"name\": ").with(coordinator()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("json.malformed"));
    }

    @Test
    void missing_and_oversized_fields_are_400_with_every_field_listed() throws Exception {
        mvc.perform(json(post("/api/grants"), "{\"fundingYear\":2026,\"programmePart\":\"PART_I\",\"title\":\"" + "t".repeat(201)
                        + "\",\"purpose\":\"p\"}").with(coordinator()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("validation.failed"))
                .andExpect(jsonPath("$.errors[0].field").value("requestedAmount"))
                .andExpect(jsonPath("$.errors[0].message").value("fehlt"))
                .andExpect(jsonPath("$.errors[1].field").value("title"))
                .andExpect(jsonPath("$.errors[1].message").value("darf höchstens 200 Zeichen lang sein"));
        verify(commandGateway, never()).send(any());
    }

    @Test
    void a_negative_amount_an_unknown_enum_and_fractional_minutes_are_400_naming_the_field() throws Exception {
        mvc.perform(json(post("/api/grants"), """
                        {"fundingYear":2026,"programmePart":"PART_I","title":"t","purpose":"p","requestedAmount":"-5"}""")
                        .with(coordinator()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("money.negative"))
                .andExpect(jsonPath("$.errors[0].field").value("requestedAmount"));
        mvc.perform(json(post("/api/grants"), """
                        {"fundingYear":2026,"programmePart":"PART_IX","title":"t","purpose":"p","requestedAmount":"5"}""")
                        .with(coordinator()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("programmePart"));
        mvc.perform(json(post("/api/volunteers/" + VolunteerId.random() + "/activities"),
                        "{\"date\":\"2025-03-03\",\"minutes\":90.5,\"category\":\"OTHER\"}").with(coordinator()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("minutes"));
    }

    @Test
    void a_malformed_id_in_the_path_or_a_parameter_is_400() throws Exception {
        mvc.perform(get("/api/volunteers/nicht-eine-uuid").with(coordinator()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("volunteer.id.malformed"))
                .andExpect(jsonPath("$.errors[0].field").value("volunteerId"));
        mvc.perform(get("/api/centres/99999").with(coordinator()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("centre.id.malformed"));
        mvc.perform(get("/api/centres/05315/activities?from=gestern").with(coordinator()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(get("/api/centres/05315/volunteers?status=WEG").with(coordinator()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("ACTIVE, INACTIVE")));
    }

    @Test
    void a_refusal_of_the_domain_arrives_with_its_status_code_and_german_message() throws Exception {
        doReturn(CompletableFuture.failedFuture(new CommandExecutionException("failed",
                new RuleViolationException("grant.four-eyes", "Wer beantragt oder geprüft hat, darf nicht bewilligen."))))
                .when(commandGateway).send(any());

        mvc.perform(json(post("/api/grants/" + java.util.UUID.randomUUID() + "/approval"), "{\"approvedAmount\":\"100.00\"}")
                        .with(ministry()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("grant.four-eyes"))
                .andExpect(jsonPath("$.detail").value("Wer beantragt oder geprüft hat, darf nicht bewilligen."))
                .andExpect(jsonPath("$.title").value("Konflikt mit einer Regel"));
    }

    @Test
    void an_unknown_aggregate_is_404() throws Exception {
        doReturn(CompletableFuture.failedFuture(new AggregateNotFoundException("x", "not found"))).when(commandGateway).send(any());

        mvc.perform(post("/api/volunteers/" + VolunteerId.random() + "/deactivation").with(coordinator()))
                .andExpect(status().isNotFound());
    }

    @Test
    void an_unexpected_failure_is_a_500_without_any_detail_of_it() throws Exception {
        doReturn(CompletableFuture.failedFuture(new IllegalStateException("password=hunter2"))).when(commandGateway).send(any());

        mvc.perform(post("/api/volunteers/" + VolunteerId.random() + "/reactivation").with(coordinator()))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.code").value("internal-error"))
                .andExpect(jsonPath("$.incident").isNotEmpty())
                .andExpect(content().string(not(containsString("hunter2"))))
                .andExpect(content().string(not(containsString("IllegalState"))));
    }

    @Test
    void unknown_routes_wrong_methods_and_media_types_get_404_405_and_415() throws Exception {
        mvc.perform(get("/api/gibt-es-nicht").with(ministry()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("route.not-found"));
        mvc.perform(delete("/api/centres/05315").with(ministry()))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().exists(HttpHeaders.ALLOW))
                .andExpect(jsonPath("$.code").value("method.not-allowed"));
        mvc.perform(post("/api/grants/" + java.util.UUID.randomUUID() + "/rejection").with(ministry())
                        .contentType(MediaType.TEXT_PLAIN).content("nein"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("media-type.unsupported"));
    }

    @Test
    void a_body_over_64_kilobytes_is_413() throws Exception {
        String huge = "{\"reason\":\"" + "x".repeat(70_000) + "\"}";

        mvc.perform(json(post("/api/grants/" + java.util.UUID.randomUUID() + "/rejection"), huge).with(ministry()))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("request.too-large"));
    }

    @Test
    void a_problem_is_problem_json_even_when_the_client_accepts_only_json() throws Exception {
        mvc.perform(get("/api/volunteers/kaputt").with(coordinator()).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("volunteer.id.malformed"));
    }

    // ---- outside the api ------------------------------------------------------------------

    @Test
    void the_openapi_description_is_open_and_names_basic_authentication() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("KOMM-AN NRW API"))
                .andExpect(jsonPath("$.components.securitySchemes.basicAuth.scheme").value("basic"))
                .andExpect(jsonPath("$.paths['/api/grants/{grantId}/approval']").exists())
                .andExpect(jsonPath("$.paths['/api/grants'].post.responses['201']").exists())
                .andExpect(jsonPath("$.paths['/api/grants'].post.responses['409'].content['application/problem+json']").exists())
                .andExpect(jsonPath("$.components.schemas.GrantView.properties.requestedAmount.type").value("string"));
    }

    @Test
    void actuator_endpoints_other_than_health_are_for_administrators() throws Exception {
        mvc.perform(get("/actuator/metrics").with(ministry())).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/health")).andExpect(status().is(not(401)));
    }

    @Test
    void browser_pages_other_than_the_login_lead_to_the_login_form() throws Exception {
        mvc.perform(get("/irgendwo").accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login")).andExpect(status().isOk());
    }
}
