package nrw.komman.web.admin;

import nrw.komman.kernel.admin.FetchReadModelStatusQuery;
import nrw.komman.kernel.admin.ReadModelStatus;
import nrw.komman.kernel.admin.RebuildProgress;
import nrw.komman.kernel.admin.RebuildReadModelsCommand;
import nrw.komman.kernel.centre.FindCentresQuery;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.common.RuleViolationException;
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
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The administrator's pages (accounts, read models) with the real account table and mocked gateways,
 * and unknown addresses: an HTML 404 page in the browser, problem JSON under /api.
 */
@SpringBootTest(classes = WebTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:web-ui-admin;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.flyway.locations=classpath:db/migration/common",
        "komman.admin.password=Betrieb-Passwort-2025"})
@AutoConfigureMockMvc
class AdminPagesTest {

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
        doReturn(CompletableFuture.completedFuture(null)).when(commandGateway).send(any());
        doReturn(CompletableFuture.completedFuture(List.of())).when(queryGateway).query(any(FindCentresQuery.class), any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(List.of(new ReadModelStatus("centre-views", true, false, false, 4, 120, 120, List.of("centre_view"), null))))
                .when(queryGateway).query(any(FetchReadModelStatusQuery.class), any(ResponseType.class));
    }

    private static RequestPostProcessor as(AccountRole role) {
        return user(new AccountPrincipal(role.name().toLowerCase(), null, role, null, true));
    }

    @Test
    void creating_an_account_with_a_weak_password_keeps_the_name_never_the_password_then_succeeds() throws Exception {
        mvc.perform(post("/verwaltung/konten").with(as(AccountRole.ADMINISTRATOR)).with(csrf())
                        .param("username", "bezreg.zwei").param("password", "kurz").param("role", "GRANT_OFFICER"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"password-fehler\""), containsString("href=\"#password\""),
                        containsString("value=\"bezreg.zwei\""), not(containsString("value=\"kurz\"")))));
        assertThat(accounts.find("bezreg.zwei")).isEmpty();
        mvc.perform(post("/verwaltung/konten").with(as(AccountRole.ADMINISTRATOR)).with(csrf())
                        .param("username", "bezreg.zwei").param("password", "Lange-Passphrase-2026").param("role", "GRANT_OFFICER"))
                .andExpect(redirectedUrl("/verwaltung/konten"))
                .andExpect(flash().attribute("confirmation", "Das Konto bezreg.zwei ist angelegt."));
        assertThat(accounts.find("bezreg.zwei")).hasValueSatisfying(a -> assertThat(a.role()).isEqualTo(AccountRole.GRANT_OFFICER));
        mvc.perform(post("/verwaltung/konten/bezreg.zwei/sperre").with(as(AccountRole.ADMINISTRATOR)).with(csrf()))
                .andExpect(redirectedUrl("/verwaltung/konten"));
        assertThat(accounts.find("bezreg.zwei").orElseThrow().enabled()).isFalse();
    }

    @Test
    void disabling_the_last_administrator_is_said_on_the_page() throws Exception {
        mvc.perform(post("/verwaltung/konten/admin/sperre").with(as(AccountRole.ADMINISTRATOR)).with(csrf()))
                .andExpect(redirectedUrl("/verwaltung/konten"))
                .andExpect(flash().attributeExists("refusal"));
        assertThat(accounts.find("admin").orElseThrow().enabled()).isTrue();
    }

    @Test
    void the_read_models_page_shows_the_processors_and_rebuilds_by_post() throws Exception {
        mvc.perform(get("/verwaltung/lesemodelle").with(as(AccountRole.ADMINISTRATOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("centre-views"), containsString("läuft"))));
        mvc.perform(post("/verwaltung/lesemodelle/neuaufbau").with(as(AccountRole.ADMINISTRATOR)).with(csrf()))
                .andExpect(redirectedUrl("/verwaltung/lesemodelle"));
        verify(commandGateway).send(any(RebuildReadModelsCommand.class));
    }

    /** Disabling an account and rebuilding the read models ask first (ADR 31): the question is a page that changes nothing. */
    @Test
    void disabling_an_account_and_rebuilding_the_read_models_ask_first_and_asking_changes_nothing() throws Exception {
        mvc.perform(post("/verwaltung/konten").with(as(AccountRole.ADMINISTRATOR)).with(csrf())
                .param("username", "bezreg.drei").param("password", "Lange-Passphrase-2026").param("role", "GRANT_OFFICER"));
        mvc.perform(get("/verwaltung/konten").with(as(AccountRole.ADMINISTRATOR)))
                .andExpect(content().string(allOf(containsString("href=\"/verwaltung/konten/bezreg.drei/sperre\""),
                        not(containsString("action=\"/verwaltung/konten/bezreg.drei/sperre\"")))));
        mvc.perform(get("/verwaltung/konten/bezreg.drei/sperre").with(as(AccountRole.ADMINISTRATOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Konto bezreg.drei sperren?"), containsString("sofort abgemeldet"),
                        containsString("action=\"/verwaltung/konten/bezreg.drei/sperre\" method=\"post\""),
                        containsString("class=\"button-danger\""), containsString("href=\"/verwaltung/konten\">Abbrechen</a>"))));
        assertThat(accounts.find("bezreg.drei").orElseThrow().enabled()).as("asking disables nothing").isTrue();
        mvc.perform(post("/verwaltung/konten/bezreg.drei/sperre").with(as(AccountRole.ADMINISTRATOR)).with(csrf()))
                .andExpect(redirectedUrl("/verwaltung/konten"));
        assertThat(accounts.find("bezreg.drei").orElseThrow().enabled()).isFalse();
        mvc.perform(get("/verwaltung/konten/bezreg.drei/sperre").with(as(AccountRole.ADMINISTRATOR)))
                .andExpect(redirectedUrl("/verwaltung/konten"))
                .andExpect(flash().attribute("refusal", "Das Konto bezreg.drei ist bereits gesperrt."));

        mvc.perform(get("/verwaltung/lesemodelle").with(as(AccountRole.ADMINISTRATOR)))
                .andExpect(content().string(allOf(containsString("href=\"/verwaltung/lesemodelle/neuaufbau\""),
                        not(containsString("action=\"/verwaltung/lesemodelle/neuaufbau\"")))));
        mvc.perform(get("/verwaltung/lesemodelle/neuaufbau").with(as(AccountRole.ADMINISTRATOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Lesemodelle neu aufbauen?"),
                        containsString("action=\"/verwaltung/lesemodelle/neuaufbau\" method=\"post\""), containsString("class=\"button-danger\""))));
        verify(commandGateway, never()).send(any());
    }

    @Test
    void a_rebuild_under_way_shows_its_progress_and_a_second_one_is_refused_in_german() throws Exception {
        RebuildProgress replaying = new RebuildProgress(3, RebuildProgress.State.REPLAYING, 2_499, 9_999, 1250.0, 6L,
                Instant.parse("2026-11-25T08:00:00Z"), null, null);
        doReturn(CompletableFuture.completedFuture(List.of(new ReadModelStatus("grant-views", true, false, false, 4, 9_999, 9_999,
                List.of("grant_view"), replaying)))).when(queryGateway).query(any(FetchReadModelStatusQuery.class), any(ResponseType.class));
        mvc.perform(get("/verwaltung/lesemodelle").with(as(AccountRole.ADMINISTRATOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Generation 3 wird aufgebaut: 2.500 von 10.000 Ereignissen gelesen"),
                        containsString("<progress value=\"2500\" max=\"10000\""), containsString("noch etwa 6 s"))));

        doReturn(CompletableFuture.failedFuture(new RuleViolationException("readmodels.rebuild-running",
                "Die Lesemodelle werden bereits neu aufgebaut. Bitte warten Sie, bis der Neuaufbau abgeschlossen ist.")))
                .when(commandGateway).send(any(RebuildReadModelsCommand.class));
        mvc.perform(post("/verwaltung/lesemodelle/neuaufbau").with(as(AccountRole.ADMINISTRATOR)).with(csrf()))
                .andExpect(redirectedUrl("/verwaltung/lesemodelle"))
                .andExpect(flash().attribute("refusal", containsString("bereits neu aufgebaut")));
    }

    @Test
    void only_administrators_reach_the_administration() throws Exception {
        for (AccountRole role : List.of(AccountRole.COORDINATOR, AccountRole.GRANT_OFFICER, AccountRole.MINISTRY, AccountRole.AUDITOR)) {
            mvc.perform(get("/verwaltung/konten").with(as(role))).andExpect(status().isForbidden());
            mvc.perform(post("/verwaltung/lesemodelle/neuaufbau").with(as(role)).with(csrf())).andExpect(status().isForbidden());
        }
        mvc.perform(post("/verwaltung/lesemodelle/neuaufbau").with(as(AccountRole.ADMINISTRATOR))).andExpect(status().isForbidden());
        verify(commandGateway, never()).send(any());
        mvc.perform(get("/").with(as(AccountRole.ADMINISTRATOR))).andExpect(redirectedUrl("/verwaltung/konten"));
    }

    @Test
    void an_unknown_address_is_the_german_404_page_in_the_browser_and_problem_json_in_the_api() throws Exception {
        mvc.perform(get("/gibt-es-nicht").with(as(AccountRole.AUDITOR)).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(allOf(containsString("<h1>Nicht gefunden</h1>"), containsString("Diese Seite gibt es nicht."))));
        mvc.perform(get("/api/gibt-es-nicht").with(as(AccountRole.AUDITOR)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("route.not-found"));
    }
}
