package nrw.komman.web.budget;

import nrw.komman.kernel.admin.AwaitReadModelsQuery;
import nrw.komman.kernel.budget.BudgetId;
import nrw.komman.kernel.budget.BudgetOverview;
import nrw.komman.kernel.budget.BudgetUse;
import nrw.komman.kernel.budget.FetchBudgetUseQuery;
import nrw.komman.kernel.budget.SetBudgetCommand;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.CentreView;
import nrw.komman.kernel.centre.FindCentreQuery;
import nrw.komman.kernel.centre.FindCentresQuery;
import nrw.komman.kernel.centre.Regierungsbezirk;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.web.WebTestApplication;
import nrw.komman.web.account.AccountPrincipal;
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
import java.time.ZoneId;
import java.util.List;
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
 * The budgets page and the form that sets a budget, with mocked gateways: the use per programme part
 * and centre, read only for the grant authority and auditors, German amounts, the command side's
 * refusals on the form, CSRF and which role may open which address.
 */
@SpringBootTest(classes = WebTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:web-ui-budgets;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.flyway.locations=classpath:db/migration/common",
        "komman.admin.password=Betrieb-Passwort-2025"})
@AutoConfigureMockMvc
class BudgetPagesTest {

    private static final CentreId KOELN = new CentreId("05315");
    private static final int YEAR = LocalDate.now(ZoneId.of("Europe/Berlin")).getYear();

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    private CommandGateway commandGateway;
    @MockitoBean
    private QueryGateway queryGateway;

    private static Money euros(long euros) {
        return Money.ofCents(euros * 100);
    }

    @BeforeEach
    void setUp() {
        doReturn(CompletableFuture.completedFuture(null)).when(commandGateway).send(any());
        doReturn(CompletableFuture.completedFuture(true)).when(queryGateway)
                .query(any(AwaitReadModelsQuery.class), any(ResponseType.class));
        CentreView koeln = new CentreView(KOELN, "Köln", "Kreisfreie Stadt", Regierungsbezirk.KOELN, true, LocalDate.of(2013, 1, 1), null);
        CentreView viersen = new CentreView(new CentreId("05166"), "Kreis Viersen", "Kreis", Regierungsbezirk.DUESSELDORF, true,
                LocalDate.of(2020, 1, 1), null);
        doReturn(CompletableFuture.completedFuture(koeln)).when(queryGateway).query(any(FindCentreQuery.class), any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(List.of(viersen, koeln))).when(queryGateway)
                .query(any(FindCentresQuery.class), any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(new BudgetOverview(YEAR,
                List.of(new BudgetUse(YEAR, ProgrammePart.PART_II_A, null, null, euros(100_000), euros(60_000), euros(30_000),
                                euros(9_000), euros(1_000), euros(400), 6),
                        new BudgetUse(YEAR, ProgrammePart.PART_II_B, null, null, null, Money.ZERO, Money.ZERO, Money.ZERO,
                                Money.ZERO, Money.ZERO, 0)),
                List.of(new BudgetUse(YEAR, ProgrammePart.PART_II_A, KOELN, "Köln", euros(20_000), euros(15_000), euros(5_000),
                        Money.ZERO, Money.ZERO, Money.ZERO, 2)))))
                .when(queryGateway).query(any(FetchBudgetUseQuery.class), any(ResponseType.class));
    }

    private static RequestPostProcessor as(AccountRole role) {
        return user(new AccountPrincipal(role.name().toLowerCase(), null, role, role == AccountRole.COORDINATOR ? KOELN : null, true));
    }

    @Test
    void the_ministry_sees_the_budget_use_per_programme_part_and_centre_and_may_change_it() throws Exception {
        mvc.perform(get("/haushalt").with(as(AccountRole.MINISTRY)).param("jahr", String.valueOf(YEAR)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h1>Budgets " + YEAR + "</h1>"),
                        containsString("<th scope=\"row\"><span>Teil II A</span><span class=\"visually-hidden\"> – Ankommenstreffpunkte</span></th>"),
                        containsString("100.000,00\u00A0€"), containsString("60.000,00\u00A0€"), containsString("40.000,00\u00A0€"),
                        containsString("<span class=\"use-value\">60\u00A0%</span>"), containsString("width=\"60\""),
                        containsString("<td class=\"number\">9.000,00\u00A0€</td>"), containsString("<td class=\"number\">1.000,00\u00A0€</td>"),
                        containsString("<td class=\"number\">400,00\u00A0€</td>"),
                        containsString("<td class=\"number\">nicht festgelegt</td>"),
                        containsString("<th scope=\"row\">Köln</th>"), containsString("<span class=\"use-value\">75\u00A0%</span>"),
                        containsString("href=\"/haushalt/festlegen?jahr=" + YEAR + "\">Budget festlegen</a>"),
                        containsString("href=\"/haushalt/festlegen?jahr=" + YEAR + "&amp;teil=PART_II_A&amp;zentrum=05315\">Ändern<span class=\"visually-hidden\">: Köln, Teil II A – Ankommenstreffpunkte</span></a>"),
                        containsString("aria-current=\"page\">Budgets</a>"),
                        containsString("tabindex=\"0\" role=\"region\" aria-label=\"Tabelle: Je Programmteil (landesweit)\""))));
        verify(queryGateway).query(argThat(q -> q instanceof FetchBudgetUseQuery f && f.fundingYear() == YEAR), any(ResponseType.class));
    }

    @Test
    void grant_officers_and_auditors_read_the_budgets_but_cannot_set_them_and_others_do_not_see_them() throws Exception {
        for (AccountRole role : List.of(AccountRole.GRANT_OFFICER, AccountRole.AUDITOR)) {
            mvc.perform(get("/haushalt").with(as(role)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("<span>Teil II A</span>"),
                            containsString("Budgets legt das Ministerium fest"), not(containsString("/haushalt/festlegen")))));
            mvc.perform(get("/haushalt/festlegen").with(as(role))).andExpect(status().isForbidden());
            mvc.perform(post("/haushalt/festlegen").with(as(role)).with(csrf()).param("fundingYear", String.valueOf(YEAR))
                    .param("programmePart", "PART_II_A").param("amount", "1.000")).andExpect(status().isForbidden());
        }
        for (AccountRole role : List.of(AccountRole.COORDINATOR, AccountRole.ADMINISTRATOR)) {
            mvc.perform(get("/haushalt").with(as(role))).andExpect(status().isForbidden());
        }
        verify(commandGateway, never()).send(any());
    }

    @Test
    void the_form_offers_the_centres_and_starts_from_the_current_amount() throws Exception {
        mvc.perform(get("/haushalt/festlegen").with(as(AccountRole.MINISTRY)).param("jahr", String.valueOf(YEAR)).param("teil", "PART_II_A"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h1>Budget festlegen</h1>"), containsString("value=\"100.000,00\""),
                        containsString("<option value=\"PART_II_A\" selected=\"selected\">"),
                        containsString("<option value=\"\">landesweit</option>"),
                        containsString("<option value=\"05166\">Kreis Viersen (05166)</option>"), containsString("name=\"_csrf\""))));
        mvc.perform(get("/haushalt/festlegen").with(as(AccountRole.MINISTRY)).param("jahr", String.valueOf(YEAR)).param("teil", "PART_II_A")
                        .param("zentrum", "05315"))
                .andExpect(content().string(allOf(containsString("value=\"20.000,00\""),
                        containsString("<option value=\"05315\" selected=\"selected\">Köln (05315)</option>"))));
    }

    @Test
    void a_german_amount_sets_the_state_wide_budget_or_a_centres_share_and_redirects_to_the_year() throws Exception {
        mvc.perform(post("/haushalt/festlegen").with(as(AccountRole.MINISTRY)).with(csrf()).param("fundingYear", String.valueOf(YEAR))
                        .param("programmePart", "PART_II_A").param("centreId", "").param("amount", "2.500.000,00")
                        .param("reason", "Haushaltsplan " + YEAR))
                .andExpect(redirectedUrl("/haushalt?jahr=" + YEAR))
                .andExpect(flash().attribute("confirmation", "Das Budget (Teil II A – Ankommenstreffpunkte, Förderjahr " + YEAR
                        + ", landesweit) beträgt jetzt 2.500.000,00\u00A0€."));
        verify(commandGateway).send(argThat(c -> c instanceof SetBudgetCommand s
                && s.budgetId().equals(BudgetId.of(YEAR, ProgrammePart.PART_II_A)) && s.amount().equals(euros(2_500_000))
                && s.reason().equals("Haushaltsplan " + YEAR)));

        mvc.perform(post("/haushalt/festlegen").with(as(AccountRole.MINISTRY)).with(csrf()).param("fundingYear", String.valueOf(YEAR))
                        .param("programmePart", "PART_II_A").param("centreId", "05315").param("amount", "150000"))
                .andExpect(redirectedUrl("/haushalt?jahr=" + YEAR))
                .andExpect(flash().attribute("confirmation", "Das Budget (Teil II A – Ankommenstreffpunkte, Förderjahr " + YEAR
                        + ", Köln) beträgt jetzt 150.000,00\u00A0€."));
        verify(commandGateway).send(argThat(c -> c instanceof SetBudgetCommand s
                && s.budgetId().equals(BudgetId.of(YEAR, ProgrammePart.PART_II_A, KOELN)) && s.amount().equals(euros(150_000))
                && s.reason() == null));
    }

    @Test
    void bad_input_and_the_command_sides_refusals_stay_on_the_form_with_the_input() throws Exception {
        mvc.perform(post("/haushalt/festlegen").with(as(AccountRole.MINISTRY)).with(csrf()).param("fundingYear", "zwanzig")
                        .param("programmePart", "").param("amount", "2500000.00"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<title>Fehler: Budget festlegen – KOMM-AN NRW</title>"),
                        containsString("href=\"#fundingYear\">Bitte das Förderjahr als vierstellige Jahreszahl angeben"),
                        containsString("href=\"#programmePart\">Bitte einen Programmteil wählen.</a>"),
                        containsString("href=\"#amount\">Bitte den Betrag in Euro mit Komma"), containsString("value=\"2500000.00\""))));
        mvc.perform(post("/haushalt/festlegen").with(as(AccountRole.MINISTRY)).with(csrf()).param("fundingYear", "1999")
                        .param("programmePart", "PART_I").param("amount", "1.000"))
                .andExpect(content().string(allOf(containsString("id=\"fundingYear-fehler\""), containsString("zwischen 2016 und 2100"))));
        verify(commandGateway, never()).send(any());

        doReturn(CompletableFuture.failedFuture(new RuleViolationException("budget.below-approved",
                "Das Budget darf nicht unter den bereits bewilligten Betrag sinken: 60.000,00 € sind bewilligt.")))
                .when(commandGateway).send(any(SetBudgetCommand.class));
        mvc.perform(post("/haushalt/festlegen").with(as(AccountRole.MINISTRY)).with(csrf()).param("fundingYear", String.valueOf(YEAR))
                        .param("programmePart", "PART_II_A").param("amount", "50.000"))
                .andExpect(content().string(allOf(containsString("id=\"amount-fehler\""),
                        containsString("nicht unter den bereits bewilligten Betrag sinken"), containsString("value=\"50.000\""))));

        doReturn(CompletableFuture.failedFuture(new RuleViolationException("budget.missing",
                "Bitte zuerst das landesweite Budget Teil II B 2026 festlegen; der Anteil eines Zentrums gehört dazu.")))
                .when(commandGateway).send(any(SetBudgetCommand.class));
        mvc.perform(post("/haushalt/festlegen").with(as(AccountRole.MINISTRY)).with(csrf()).param("fundingYear", String.valueOf(YEAR))
                        .param("programmePart", "PART_II_B").param("centreId", "05315").param("amount", "5.000"))
                .andExpect(content().string(allOf(containsString("<li>Bitte zuerst das landesweite Budget Teil II B 2026 festlegen"),
                        containsString("<option value=\"05315\" selected=\"selected\">"))));
    }

    @Test
    void setting_a_budget_without_csrf_token_is_refused() throws Exception {
        mvc.perform(post("/haushalt/festlegen").with(as(AccountRole.MINISTRY)).param("fundingYear", String.valueOf(YEAR))
                .param("programmePart", "PART_II_A").param("amount", "1.000")).andExpect(status().isForbidden());
        verify(commandGateway, never()).send(any());
    }

    @Test
    void a_year_without_budgets_says_so_and_english_is_available() throws Exception {
        doReturn(CompletableFuture.completedFuture(new BudgetOverview(YEAR + 1, List.of(), List.of())))
                .when(queryGateway).query(any(FetchBudgetUseQuery.class), any(ResponseType.class));
        mvc.perform(get("/haushalt").with(as(AccountRole.AUDITOR)).param("jahr", String.valueOf(YEAR + 1)))
                .andExpect(content().string(containsString("Für das Förderjahr " + (YEAR + 1) + " ist noch kein Budget festgelegt")));
        mvc.perform(get("/haushalt").with(as(AccountRole.AUDITOR)).param("lang", "en"))
                .andExpect(content().string(allOf(containsString("<h1>Budgets " + YEAR + "</h1>"),
                        containsString("Budgets are set by the ministry"))));
    }
}
