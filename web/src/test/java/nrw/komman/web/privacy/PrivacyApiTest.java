package nrw.komman.web.privacy;

import nrw.komman.web.platform.ApiLogins;
import nrw.komman.kernel.admin.AwaitReadModelsQuery;
import nrw.komman.kernel.centre.CentreId;
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
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerStatus;
import nrw.komman.web.WebTestApplication;
import nrw.komman.web.account.AccountService;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.modelling.command.AggregateNotFoundException;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static nrw.komman.web.platform.ApiLogins.*;
import static org.assertj.core.api.Assertions.assertThat;
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
 * The data-protection API with mocked gateways: who may erase, withdraw consent, export and run the retention
 * rules; status codes; problem responses for bad input, with nothing sent.
 */
@SpringBootTest(classes = WebTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:web-api-privacy;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.flyway.locations=classpath:db/migration/common",
        "komman.admin.password=" + ApiLogins.ADMIN_PASSWORD})
@AutoConfigureMockMvc
class PrivacyApiTest {

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
        accounts.createIfAbsent("koordination.duesseldorf", PASSWORD, AccountRole.COORDINATOR, new CentreId("05111"), "test");
        accounts.createIfAbsent("ministerium", PASSWORD, AccountRole.MINISTRY, null, "test");
        accounts.createIfAbsent("bezreg", PASSWORD, AccountRole.GRANT_OFFICER, null, "test");
        accounts.createIfAbsent("pruefung", PASSWORD, AccountRole.AUDITOR, null, "test");
        doReturn(CompletableFuture.completedFuture(null)).when(commandGateway).send(any());
        doReturn(CompletableFuture.completedFuture(true)).when(queryGateway)
                .query(any(AwaitReadModelsQuery.class), any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(export(false)))
                .when(queryGateway).query(any(FetchVolunteerDataExportQuery.class), any(ResponseType.class));
    }

    private static VolunteerDataExport export(boolean erased) {
        return new VolunteerDataExport(VOLUNTEER, KOELN, "Kommunales Integrationszentrum Köln", erased, VolunteerStatus.ACTIVE,
                LocalDate.of(2025, 1, 15), erased ? null : "Aylin Demir", erased ? null : "aylin@example.org", null, null,
                Set.of(), Set.of(), List.of(), List.of(), Instant.parse("2026-03-14T09:15:30Z"));
    }

    // ---- erasure --------------------------------------------------------------------------------------

    @Test
    void a_coordinator_of_the_centre_and_an_administrator_erase_with_204() throws Exception {
        for (RequestPostProcessor who : List.of(coordinator(), admin())) {
            mvc.perform(json(post("/api/volunteers/" + VOLUNTEER + "/erasure"), "{\"reason\":\"REQUEST\"}").with(who))
                    .andExpect(status().isNoContent());
        }
        verify(commandGateway, org.mockito.Mockito.times(2)).send(argThat(c -> c instanceof EraseVolunteerDataCommand e
                && e.volunteerId().equals(VOLUNTEER) && e.reason() == ErasureReason.REQUEST));
        verify(queryGateway, org.mockito.Mockito.times(2)).query(argThat(q -> q instanceof AwaitReadModelsQuery a
                && a.aggregateIdentifier().equals(VOLUNTEER.toString())), any(ResponseType.class));
    }

    @Test
    void ministry_auditors_and_the_grant_authority_never_erase_or_export() throws Exception {
        for (RequestPostProcessor who : List.of(ministry(), auditor(), grantOfficer())) {
            mvc.perform(json(post("/api/volunteers/" + VOLUNTEER + "/erasure"), "{\"reason\":\"REQUEST\"}").with(who))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            mvc.perform(json(post("/api/volunteers/" + VOLUNTEER + "/consent-withdrawal"), "{\"withdrawnAt\":\"2026-01-05T13:30:00Z\"}")
                    .with(who)).andExpect(status().isForbidden());
            mvc.perform(get("/api/volunteers/" + VOLUNTEER + "/data-export").with(who)).andExpect(status().isForbidden());
            mvc.perform(get("/api/volunteers/" + VOLUNTEER + "/data-export.pdf").with(who)).andExpect(status().isForbidden());
            mvc.perform(get("/api/admin/retention").with(who)).andExpect(status().isForbidden());
            mvc.perform(post("/api/admin/retention/runs").with(who)).andExpect(status().isForbidden());
        }
        mvc.perform(json(post("/api/volunteers/" + VOLUNTEER + "/erasure"), "{\"reason\":\"REQUEST\"}"))
                .andExpect(status().isUnauthorized());
        verify(commandGateway, never()).send(any());
        verify(queryGateway, never()).query(any(FetchVolunteerDataExportQuery.class), any(ResponseType.class));
    }

    @Test
    void administrators_reach_a_volunteer_only_to_erase_or_export() throws Exception {
        mvc.perform(get("/api/volunteers/" + VOLUNTEER).with(admin())).andExpect(status().isForbidden());
        mvc.perform(json(post("/api/volunteers/" + VOLUNTEER + "/consent-withdrawal"), "{\"withdrawnAt\":\"2026-01-05T13:30:00Z\"}")
                .with(admin())).andExpect(status().isForbidden());
        mvc.perform(post("/api/volunteers/" + VOLUNTEER + "/deactivation").with(admin())).andExpect(status().isForbidden());
        verify(commandGateway, never()).send(any());
    }

    @Test
    void bad_erasure_requests_are_problems_and_nothing_is_sent() throws Exception {
        mvc.perform(json(post("/api/volunteers/" + VOLUNTEER + "/erasure"), "{}").with(coordinator()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(json(post("/api/volunteers/" + VOLUNTEER + "/erasure"), "{\"reason\":\"WEIL\"}").with(coordinator()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(json(post("/api/volunteers/" + VOLUNTEER + "/erasure"), "{\"reason\":\"CONSENT_WITHDRAWN\"}").with(coordinator()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("erasure.reason.unsupported"))
                .andExpect(jsonPath("$.detail").value(containsString("consent-withdrawal")))
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(json(post("/api/volunteers/" + VOLUNTEER + "/erasure"), "{\"reason\":\"RETENTION\"}").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("/api/admin/retention/runs")));
        mvc.perform(post("/api/volunteers/" + VOLUNTEER + "/erasure").with(coordinator()))
                .andExpect(status().is4xxClientError());
        mvc.perform(json(post("/api/volunteers/keine-kennung/erasure"), "{\"reason\":\"REQUEST\"}").with(coordinator()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("volunteer.id.malformed"));
        verify(commandGateway, never()).send(any());
    }

    @Test
    void the_domains_refusals_come_back_as_problems() throws Exception {
        doReturn(CompletableFuture.failedFuture(new RuleViolationException("volunteer.already-erased",
                "Die Daten dieser Person wurden bereits gelöscht."))).when(commandGateway).send(any());
        mvc.perform(json(post("/api/volunteers/" + VOLUNTEER + "/erasure"), "{\"reason\":\"REQUEST\"}").with(coordinator()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("volunteer.already-erased"));
        doReturn(CompletableFuture.failedFuture(new ForbiddenException("volunteer.erase.forbidden", "Nicht Ihr Zentrum.")))
                .when(commandGateway).send(any());
        mvc.perform(json(post("/api/volunteers/" + VOLUNTEER + "/erasure"), "{\"reason\":\"REQUEST\"}").with(duesseldorf()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("volunteer.erase.forbidden"));
        doReturn(CompletableFuture.failedFuture(new AggregateNotFoundException(VOLUNTEER.toString(), "not found")))
                .when(commandGateway).send(any());
        mvc.perform(json(post("/api/volunteers/" + VOLUNTEER + "/erasure"), "{\"reason\":\"REQUEST\"}").with(admin()))
                .andExpect(status().isNotFound());
    }

    // ---- withdrawal of consent -------------------------------------------------------------------------

    @Test
    void a_coordinator_records_a_withdrawal_with_its_time() throws Exception {
        mvc.perform(json(post("/api/volunteers/" + VOLUNTEER + "/consent-withdrawal"), "{\"withdrawnAt\":\"2026-01-05T13:30:00Z\"}")
                        .with(coordinator()))
                .andExpect(status().isNoContent());
        verify(commandGateway).send(argThat(c -> c instanceof WithdrawConsentCommand w && w.volunteerId().equals(VOLUNTEER)
                && w.withdrawnAt().equals(Instant.parse("2026-01-05T13:30:00Z"))));
    }

    @Test
    void a_withdrawal_without_or_with_a_malformed_time_is_a_problem() throws Exception {
        mvc.perform(json(post("/api/volunteers/" + VOLUNTEER + "/consent-withdrawal"), "{}").with(coordinator()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("withdrawnAt"));
        mvc.perform(json(post("/api/volunteers/" + VOLUNTEER + "/consent-withdrawal"), "{\"withdrawnAt\":\"gestern\"}").with(coordinator()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("withdrawnAt"));
        verify(commandGateway, never()).send(any());
    }

    // ---- the information ---------------------------------------------------------------------------------

    @Test
    void the_export_is_json_and_pdf_for_the_centre_and_administrators_never_cached() throws Exception {
        for (RequestPostProcessor who : List.of(coordinator(), admin())) {
            mvc.perform(get("/api/volunteers/" + VOLUNTEER + "/data-export").with(who))
                    .andExpect(status().isOk())
                    .andExpect(header().string(HttpHeaders.CACHE_CONTROL, containsString("no-store")))
                    .andExpect(jsonPath("$.volunteerId").value(VOLUNTEER.toString()))
                    .andExpect(jsonPath("$.name").value("Aylin Demir"))
                    .andExpect(jsonPath("$.erased").value(false))
                    .andExpect(jsonPath("$.exportedAt").value("2026-03-14T09:15:30Z"));
            byte[] pdf = mvc.perform(get("/api/volunteers/" + VOLUNTEER + "/data-export.pdf").with(who))
                    .andExpect(status().isOk())
                    .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                    .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION,
                            "attachment; filename=\"auskunft-05315-" + VOLUNTEER.toString().substring(0, 8) + ".pdf\""))
                    .andExpect(header().string(HttpHeaders.CACHE_CONTROL, containsString("no-store")))
                    .andReturn().getResponse().getContentAsByteArray();
            assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        }
    }

    @Test
    void another_centres_coordinator_gets_no_export() throws Exception {
        mvc.perform(get("/api/volunteers/" + VOLUNTEER + "/data-export").with(duesseldorf()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("centre.foreign"))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Aylin"))));
        mvc.perform(get("/api/volunteers/" + VOLUNTEER + "/data-export.pdf").with(duesseldorf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void an_unknown_volunteer_has_no_export() throws Exception {
        doReturn(CompletableFuture.completedFuture(null))
                .when(queryGateway).query(any(FetchVolunteerDataExportQuery.class), any(ResponseType.class));
        mvc.perform(get("/api/volunteers/" + VOLUNTEER + "/data-export").with(admin()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("volunteer.not-found"));
    }

    // ---- retention -----------------------------------------------------------------------------------------

    @Test
    void the_dry_run_and_the_run_for_administrators() throws Exception {
        RetentionPlan due = new RetentionPlan(LocalDate.now(java.time.ZoneId.of("Europe/Berlin")), 3, 5,
                List.of(new RetentionPlan.DueVolunteer(VOLUNTEER, KOELN, LocalDate.of(2022, 6, 30))), List.of());
        RetentionPlan after = new RetentionPlan(due.asOf(), 3, 5, List.of(), List.of());
        doReturn(CompletableFuture.completedFuture(due))
                .when(queryGateway).query(any(PlanRetentionQuery.class), any(ResponseType.class));
        mvc.perform(get("/api/admin/retention").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inactiveYears").value(3))
                .andExpect(jsonPath("$.volunteers[0].volunteerId").value(VOLUNTEER.toString()))
                .andExpect(jsonPath("$.volunteers[0].inactiveSince").value("2022-06-30"));
        verify(commandGateway, never()).send(any());

        doReturn(CompletableFuture.completedFuture(due), CompletableFuture.completedFuture(after))
                .when(queryGateway).query(any(PlanRetentionQuery.class), any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(export(true)))
                .when(queryGateway).query(any(FetchVolunteerDataExportQuery.class), any(ResponseType.class));
        mvc.perform(post("/api/admin/retention/runs").with(admin()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.runId").value(matchesPattern("\\d{4}-\\d{2}-\\d{2}-[0-9a-f]{8}")))
                .andExpect(jsonPath("$.erased[0].volunteerId").value(VOLUNTEER.toString()))
                .andExpect(jsonPath("$.erased.length()").value(1))
                .andExpect(jsonPath("$.stillDue").value(0))
                .andExpect(jsonPath("$.grantFilesDue").value(0));
        verify(commandGateway).send(any(RunRetentionCommand.class));
        verify(queryGateway).query(argThat(q -> q instanceof AwaitReadModelsQuery a
                && a.aggregateIdentifier().matches("\\d{4}-\\d{2}-\\d{2}-[0-9a-f]{8}")), any(ResponseType.class));
    }

    @Test
    void coordinators_have_no_retention_addresses() throws Exception {
        mvc.perform(get("/api/admin/retention").with(coordinator())).andExpect(status().isForbidden());
        mvc.perform(post("/api/admin/retention/runs").with(coordinator())).andExpect(status().isForbidden());
        verify(commandGateway, never()).send(any());
    }
}
