package nrw.komman.web.volunteer;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.activity.ActivityPage;
import nrw.komman.kernel.activity.ActivityView;
import nrw.komman.kernel.activity.FindActivityLogQuery;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.grant.FindGrantsQuery;
import nrw.komman.kernel.volunteer.FindVolunteersQuery;
import nrw.komman.kernel.volunteer.RosterSort;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerPage;
import nrw.komman.kernel.volunteer.VolunteerStatus;
import nrw.komman.kernel.volunteer.VolunteerView;
import nrw.komman.web.WebTestApplication;
import nrw.komman.web.account.AccountPrincipal;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The roster and the activity log with mocked gateways: the columns that tell people apart, sort links that keep the
 * filter and say the order with aria-sort, the period's errors all in one answer, and who gets the downloads (the
 * centre's coordinators only; the centre is always the signed-in coordinator's own).
 */
@SpringBootTest(classes = WebTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:web-ui-roster;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.flyway.locations=classpath:db/migration/common",
        "komman.admin.password=Betrieb-Passwort-2025"})
@AutoConfigureMockMvc
class RosterAndLogPagesTest {

    private static final CentreId KOELN = new CentreId("05315");
    private static final CentreId DUESSELDORF = new CentreId("05111");
    private static final VolunteerId AYLIN = VolunteerId.random();
    private static final VolunteerId OTHER_AYLIN = VolunteerId.random();
    private static final List<String> DOWNLOADS = List.of("/ehrenamtliche/liste.csv", "/ehrenamtliche/liste.xlsx",
            "/zentrum/einsaetze.csv?von=2026-01-01&bis=2026-01-31", "/zentrum/einsaetze.xlsx?von=2026-01-01&bis=2026-01-31");

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    private CommandGateway commandGateway;
    @MockitoBean
    private QueryGateway queryGateway;

    @BeforeEach
    void setUp() {
        doReturn(CompletableFuture.completedFuture(new VolunteerPage(List.of(
                new VolunteerView(AYLIN, KOELN, "Aylin Demir", "aylin@example.org", "+49 221 1", null, Set.of("tr"),
                        Set.of(), VolunteerStatus.ACTIVE, LocalDate.of(2025, 1, 15), null, 90, 1, false),
                new VolunteerView(OTHER_AYLIN, KOELN, "Aylin Demir", null, "+49 221 555 0123", null, Set.of("ar", "de"),
                        Set.of(ActivityCategory.EDUCATION), VolunteerStatus.ACTIVE, LocalDate.of(2026, 3, 2), null, 0, 0, false)),
                0, 25, 2)))
                .when(queryGateway).query(any(FindVolunteersQuery.class), any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(new ActivityPage(List.of(new ActivityView(ActivityId.random(), AYLIN, KOELN,
                "Aylin Demir", LocalDate.of(2026, 1, 5), 90, ActivityCategory.EDUCATION, "=HYPERLINK(\"http://x\")", null,
                true, false, Instant.parse("2026-01-05T10:00:00Z"))), 0, 50, 1, 1)))
                .when(queryGateway).query(any(FindActivityLogQuery.class), any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(List.of()))
                .when(queryGateway).query(any(FindGrantsQuery.class), any(ResponseType.class));
    }

    private static RequestPostProcessor coordinatorOf(CentreId centre) {
        return user(new AccountPrincipal("koordination." + centre.value(), null, AccountRole.COORDINATOR, centre, true));
    }

    private static RequestPostProcessor as(AccountRole role) {
        return user(new AccountPrincipal(role.name().toLowerCase(), null, role, null, true));
    }

    @Test
    void long_lists_page_with_links_that_keep_the_filter_and_the_order() throws Exception {
        doReturn(CompletableFuture.completedFuture(new VolunteerPage(List.of(), 1, 25, 60)))
                .when(queryGateway).query(any(FindVolunteersQuery.class), any(ResponseType.class));
        mvc.perform(get("/ehrenamtliche").param("status", "ACTIVE").param("sort", "name").param("dir", "asc")
                        .param("seite", "2").with(coordinatorOf(KOELN)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Seite 2 von 3"),
                        containsString("status=ACTIVE&amp;sort=name&amp;dir=asc&amp;seite=1\">Vorherige Seite"),
                        containsString("status=ACTIVE&amp;sort=name&amp;dir=asc&amp;seite=3\">Nächste Seite"))));
        doReturn(CompletableFuture.completedFuture(new ActivityPage(List.of(), 0, 50, 120, 0)))
                .when(queryGateway).query(any(FindActivityLogQuery.class), any(ResponseType.class));
        mvc.perform(get("/zentrum/einsaetze").param("von", "2026-01-01").param("bis", "2026-01-31")
                        .with(coordinatorOf(KOELN)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Seite 1 von 3"), containsString("Nächste Seite"))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Vorherige Seite"))));
    }

    @Test
    void the_roster_tells_two_people_of_the_same_name_apart_and_sorts_by_header_links_keeping_the_filter() throws Exception {
        mvc.perform(get("/ehrenamtliche").param("status", "ACTIVE").param("sort", "registriert").param("dir", "desc")
                        .with(coordinatorOf(KOELN)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("aylin@example.org"), containsString("+49 221 555 0123"),
                        containsString("15.01.2025"), containsString("02.03.2026"), containsString("Arabisch, Deutsch"),
                        containsString("aria-sort=\"descending\""),
                        // the sorted column turns around; the others start with their own first direction; the filter stays
                        containsString("href=\"/ehrenamtliche?status=ACTIVE&amp;sort=registriert&amp;dir=asc\""),
                        containsString("href=\"/ehrenamtliche?status=ACTIVE&amp;sort=name&amp;dir=asc\""),
                        containsString("href=\"/ehrenamtliche/liste.csv?status=ACTIVE&amp;sort=registriert&amp;dir=desc\""),
                        containsString("alle aktiven, sortiert nach Registriert am (absteigend)"))));
        ArgumentCaptor<Object> query = ArgumentCaptor.forClass(Object.class);
        verify(queryGateway, atLeastOnce()).query(query.capture(), any(ResponseType.class));
        FindVolunteersQuery sent = query.getAllValues().stream().filter(FindVolunteersQuery.class::isInstance)
                .map(FindVolunteersQuery.class::cast).findFirst().orElseThrow();
        assertThat(sent.sort()).isEqualTo(RosterSort.REGISTERED_ON);
        assertThat(sent.descending()).isTrue();
        assertThat(sent.status()).isEqualTo(VolunteerStatus.ACTIVE);
    }

    @Test
    void the_log_shows_this_month_by_default_and_marks_withdrawn_entries() throws Exception {
        YearMonth month = YearMonth.now(ZoneId.of("Europe/Berlin"));
        mvc.perform(get("/zentrum/einsaetze").with(coordinatorOf(KOELN)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("value=\"" + month.atDay(1) + "\""),
                        containsString("value=\"" + month.atEndOfMonth() + "\""), containsString("(dieser Monat)"),
                        containsString("class=\"withdrawn\""), containsString("zurückgenommen"),
                        containsString("aria-current=\"page\""), containsString("Einsatzprotokoll"))));
    }

    @Test
    void a_wrong_period_names_every_problem_in_one_answer_and_asks_nothing() throws Exception {
        mvc.perform(get("/zentrum/einsaetze").param("von", "").param("bis", "kein-datum").with(coordinatorOf(KOELN)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(startsWith("<!DOCTYPE html>"), containsString("<title>Fehler: Einsatzprotokoll"),
                        containsString("Bitte geben Sie den ersten Tag des Zeitraums an."),
                        containsString("Bitte den letzten Tag des Zeitraums als gültiges Datum angeben."),
                        containsString("href=\"#von\""), containsString("href=\"#bis\""))));
        mvc.perform(get("/zentrum/einsaetze").param("von", "2026-02-01").param("bis", "2026-01-01").with(coordinatorOf(KOELN)))
                .andExpect(content().string(containsString("Der Beginn des Zeitraums liegt nach seinem Ende.")));
        verify(queryGateway, never()).query(any(FindActivityLogQuery.class), any(ResponseType.class));
    }

    @Test
    void the_downloads_are_for_the_centres_coordinators_only() throws Exception {
        for (AccountRole role : List.of(AccountRole.MINISTRY, AccountRole.ADMINISTRATOR, AccountRole.AUDITOR, AccountRole.GRANT_OFFICER)) {
            for (String download : DOWNLOADS) {
                mvc.perform(get(download).with(as(role)))
                        .andExpect(status().isForbidden())
                        .andExpect(content().string(not(containsString("Aylin"))));
            }
        }
        verify(queryGateway, never()).query(any(FindVolunteersQuery.class), any(ResponseType.class));
        verify(queryGateway, never()).query(any(FindActivityLogQuery.class), any(ResponseType.class));
    }

    @Test
    void a_coordinator_downloads_their_own_centres_lists_only_whatever_the_address_says() throws Exception {
        mvc.perform(get("/ehrenamtliche/liste.csv").param("zentrum", "05315").with(coordinatorOf(DUESSELDORF)))
                .andExpect(status().isOk());
        ArgumentCaptor<Object> query = ArgumentCaptor.forClass(Object.class);
        verify(queryGateway, atLeastOnce()).query(query.capture(), any(ResponseType.class));
        assertThat(query.getAllValues()).filteredOn(FindVolunteersQuery.class::isInstance)
                .extracting(q -> ((FindVolunteersQuery) q).centreId()).containsOnly(DUESSELDORF);
    }

    @Test
    void a_refusal_of_the_query_side_for_another_centre_is_a_403_without_data() throws Exception {
        doReturn(CompletableFuture.failedFuture(new ForbiddenException("centre.foreign",
                "Sie können nur die Daten Ihres eigenen Integrationszentrums einsehen.")))
                .when(queryGateway).query(any(FindActivityLogQuery.class), any(ResponseType.class));
        doReturn(CompletableFuture.failedFuture(new ForbiddenException("centre.foreign",
                "Sie können nur die Daten Ihres eigenen Integrationszentrums einsehen.")))
                .when(queryGateway).query(any(FindVolunteersQuery.class), any(ResponseType.class));
        for (String download : DOWNLOADS) {
            mvc.perform(get(download).with(coordinatorOf(KOELN)))
                    .andExpect(status().isForbidden())
                    .andExpect(content().string(not(containsString("Aylin"))));
        }
    }

    @Test
    void the_files_are_not_cached_name_no_person_and_guard_against_formulas() throws Exception {
        byte[] csv = mvc.perform(get("/zentrum/einsaetze.csv").param("von", "2026-01-01").param("bis", "2026-01-31")
                        .with(coordinatorOf(KOELN)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", startsWith("text/csv")))
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(header().string("Content-Disposition", containsString("einsaetze-05315-2026-01-01-bis-2026-01-31.csv")))
                .andReturn().getResponse().getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFStand ").contains("\r\nDatum;Ehrenamtliche*r;Kategorie;")
                .contains("05.01.2026;Aylin Demir;Hausaufgabenhilfe und Bildung;90;1 Std. 30 Min.;;zurückgenommen;\"'=HYPERLINK(\"\"http://x\"\")\"");
    }
}
