package nrw.komman.web.notification;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.FindCentresQuery;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.web.WebTestApplication;
import nrw.komman.web.account.AccountContact;
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
import org.springframework.jdbc.core.JdbcTemplate;
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
import static org.hamcrest.Matchers.stringContainsInOrder;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The inbox, the notice settings and the administrator's page of failed e-mails, with the real tables (the rows the
 * delivery writes are written here) and mocked gateways.
 */
@SpringBootTest(classes = WebTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:web-ui-notices;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.flyway.locations=classpath:db/migration/common",
        "komman.admin.password=Betrieb-Passwort-2025"})
@AutoConfigureMockMvc
class NoticePagesTest {

    private static final String PASSWORD = "Lange-Passphrase-42";
    private static final CentreId KOELN = new CentreId("05315");
    private static final Instant JULY_FIRST = Instant.parse("2027-07-01T04:00:00Z");
    private static final String OVERDUE_FACTS = "{\"title\":\"Begegnung im Quartier\",\"dueOn\":\"2027-06-30\"}";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private AccountService accounts;
    @Autowired
    private JdbcTemplate jdbc;
    @MockitoBean
    private CommandGateway commandGateway;
    @MockitoBean
    private QueryGateway queryGateway;

    private NoticeRows rows;

    @BeforeEach
    void setUp() {
        rows = new NoticeRows(jdbc);
        rows.clear();
        // the administrator's account form lists the centres
        doReturn(CompletableFuture.completedFuture(List.of())).when(queryGateway).query(any(FindCentresQuery.class), any(ResponseType.class));
        accounts.createIfAbsent("koordination.koeln", PASSWORD, AccountRole.COORDINATOR, KOELN, "test");
        accounts.createIfAbsent("koordination.duesseldorf", PASSWORD, AccountRole.COORDINATOR, new CentreId("05111"), "test");
        accounts.createIfAbsent("bezreg", PASSWORD, AccountRole.GRANT_OFFICER, null, "test");
        accounts.changeContact("koordination.koeln", null, "de", "test");
        accounts.changeContact("bezreg", null, "de", "test");
    }

    private static RequestPostProcessor koeln() {
        return user(new AccountPrincipal("koordination.koeln", null, AccountRole.COORDINATOR, KOELN, true));
    }

    private static RequestPostProcessor duesseldorf() {
        return user(new AccountPrincipal("koordination.duesseldorf", null, AccountRole.COORDINATOR, new CentreId("05111"), true));
    }

    private static RequestPostProcessor as(String username, AccountRole role) {
        return user(new AccountPrincipal(username, null, role, null, true));
    }

    // ---- the inbox -------------------------------------------------------------------------------------------------

    @Test
    void the_inbox_lists_the_accounts_notices_newest_first_in_words_with_the_unread_ones_marked_in_text() throws Exception {
        String grant = "/zuwendungen/0b5c7e3e-1d2a-4c4e-9a5f-3c2d1e0f9a8b";
        rows.inbox("koordination.koeln", "USAGE_REPORT_OVERDUE", grant, OVERDUE_FACTS, JULY_FIRST);
        String older = rows.inbox("koordination.koeln", "GRANT_APPROVED", grant,
                "{\"title\":\"Begegnung im Quartier\",\"approvedCents\":\"1500000\"}", JULY_FIRST.minusSeconds(86_400 * 90));
        rows.inbox("koordination.duesseldorf", "GRANT_REJECTED", "/zuwendungen/x", "{\"title\":\"Sprachcafé Oberbilk\"}", JULY_FIRST);
        mvc.perform(post("/benachrichtigungen/" + older + "/gelesen").with(koeln()).with(csrf()));

        mvc.perform(get("/benachrichtigungen").with(koeln()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        stringContainsInOrder("Benachrichtigungen (1)", "Eine Benachrichtigung ist ungelesen.",
                                "Ungelesen", "Verwendungsnachweis überfällig",
                                "Der Verwendungsnachweis für „Begegnung im Quartier“ war am 30.06.2027 fällig und ist noch nicht eingereicht.",
                                "01.07.2027, 06:00 Uhr", "Als gelesen markieren",
                                "Gelesen", "Zuwendung bewilligt", "„Begegnung im Quartier“ ist bewilligt: 15.000,00\u00A0€."),
                        containsString("aria-label=\"Benachrichtigungen (1): 1 ungelesen\""),
                        not(containsString("Sprachcafé Oberbilk")))));
    }

    @Test
    void a_notice_whose_facts_are_incomplete_shows_its_title_alone_never_a_gap() throws Exception {
        rows.inbox("koordination.koeln", "USAGE_REPORT_DUE_SOON", "/zuwendungen/a", "{\"title\":\"Begegnung\"}", JULY_FIRST);
        mvc.perform(get("/benachrichtigungen").with(koeln()))
                .andExpect(content().string(allOf(containsString("Verwendungsnachweis bald fällig"),
                        not(containsString("{dueOn}")), not(containsString("ist am  fällig")))));
    }

    @Test
    void opening_a_notice_marks_it_read_and_leads_to_its_item_and_the_count_in_the_header_drops() throws Exception {
        String first = rows.inbox("koordination.koeln", "USAGE_REPORT_OVERDUE", "/zuwendungen/abc", OVERDUE_FACTS, JULY_FIRST);
        rows.inbox("koordination.koeln", "USAGE_REPORT_DUE_SOON", "/zuwendungen/abc", OVERDUE_FACTS, JULY_FIRST.minusSeconds(60));
        mvc.perform(get("/benachrichtigungen/einstellungen").with(koeln()))
                .andExpect(content().string(containsString(">Benachrichtigungen (2)</a>")));

        mvc.perform(get("/benachrichtigungen/" + first).with(koeln())).andExpect(redirectedUrl("/zuwendungen/abc"));

        assertThat(rows.read(first, "koordination.koeln")).isTrue();
        mvc.perform(get("/benachrichtigungen/einstellungen").with(koeln()))
                .andExpect(content().string(containsString(">Benachrichtigungen (1)</a>")));
    }

    @Test
    void a_link_that_would_leave_the_platform_is_not_followed() throws Exception {
        for (String outside : new String[]{"//boese.example/x", "https://boese.example", "/\\boese.example", "javascript:alert(1)",
                "/ok\r\nLocation: https://boese.example"}) {
            String id = rows.inbox("koordination.koeln", "GRANT_REJECTED", outside, "{}", JULY_FIRST);
            mvc.perform(get("/benachrichtigungen/" + id).with(koeln())).andExpect(redirectedUrl("/benachrichtigungen"));
        }
    }

    @Test
    void another_accounts_notice_is_unknown_and_stays_unread() throws Exception {
        String theirs = rows.inbox("koordination.duesseldorf", "GRANT_REJECTED", "/zuwendungen/x", "{}", JULY_FIRST);

        mvc.perform(get("/benachrichtigungen/" + theirs).with(koeln())).andExpect(status().isNotFound());
        mvc.perform(post("/benachrichtigungen/" + theirs + "/gelesen").with(koeln()).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/benachrichtigungen/gelesen").with(koeln()).with(csrf())).andExpect(redirectedUrl("/benachrichtigungen"));
        mvc.perform(get("/benachrichtigungen/kein-gueltiger-schluessel").with(koeln())).andExpect(status().isNotFound());

        assertThat(rows.read(theirs, "koordination.duesseldorf")).isFalse();
        mvc.perform(get("/benachrichtigungen/" + theirs).with(duesseldorf())).andExpect(redirectedUrl("/zuwendungen/x"));
    }

    @Test
    void marking_one_and_then_all_as_read_takes_a_form_with_its_token() throws Exception {
        String one = rows.inbox("koordination.koeln", "GRANT_APPROVED", "/zuwendungen/a", "{}", JULY_FIRST);
        rows.inbox("koordination.koeln", "GRANT_REJECTED", "/zuwendungen/b", "{}", JULY_FIRST);
        rows.inbox("koordination.koeln", "TRANCHE_DISBURSED", "/zuwendungen/c", "{}", JULY_FIRST);

        mvc.perform(post("/benachrichtigungen/" + one + "/gelesen").with(koeln())).andExpect(status().isForbidden());
        assertThat(rows.unread("koordination.koeln")).isEqualTo(3);

        mvc.perform(post("/benachrichtigungen/" + one + "/gelesen").with(koeln()).with(csrf()))
                .andExpect(redirectedUrl("/benachrichtigungen"))
                .andExpect(flash().attribute("confirmation", "Die Benachrichtigung ist als gelesen markiert."));
        assertThat(rows.unread("koordination.koeln")).isEqualTo(2);
        mvc.perform(post("/benachrichtigungen/gelesen").with(koeln()).with(csrf()))
                .andExpect(flash().attribute("confirmation", "2 Benachrichtigungen sind als gelesen markiert."));
        assertThat(rows.unread("koordination.koeln")).isZero();
        mvc.perform(get("/benachrichtigungen").with(koeln()))
                .andExpect(content().string(allOf(containsString("Alle Benachrichtigungen sind gelesen."),
                        containsString("aria-label=\"Benachrichtigungen: keine ungelesen\""),
                        not(containsString("Alle als gelesen markieren")))));
    }

    @Test
    void the_inbox_lists_the_latest_hundred_and_says_how_many_older_ones_there_are() throws Exception {
        for (int i = 0; i < 103; i++) {
            rows.inbox("koordination.koeln", "GRANT_APPROVED", "/zuwendungen/a", "{\"title\":\"Nummer " + i + "\",\"approvedCents\":\"100\"}",
                    JULY_FIRST.plusSeconds(i));
        }
        mvc.perform(get("/benachrichtigungen").with(koeln()))
                .andExpect(content().string(allOf(containsString("Nummer 102"), containsString("Nummer 3“"),
                        not(containsString("Nummer 2“")), containsString("Ältere Benachrichtigungen (3) sind hier nicht aufgeführt"))));
    }

    @Test
    void the_english_inbox_speaks_english_with_the_dates_and_amounts_as_the_pages_write_them() throws Exception {
        rows.inbox("koordination.koeln", "USAGE_REPORT_OVERDUE", "/zuwendungen/a", OVERDUE_FACTS, JULY_FIRST);
        mvc.perform(get("/benachrichtigungen").param("lang", "en").with(koeln()))
                .andExpect(content().string(allOf(containsString("Usage report overdue"),
                        containsString("The usage report for &quot;Begegnung im Quartier&quot; was due on 30.06.2027"),
                        containsString("Notices (1)"))));
    }

    @Test
    void the_header_of_every_page_counts_only_for_signed_in_accounts() throws Exception {
        rows.inbox("koordination.koeln", "GRANT_APPROVED", "/zuwendungen/a", "{}", JULY_FIRST);
        mvc.perform(get("/login")).andExpect(content().string(not(containsString("Benachrichtigungen ("))));
        mvc.perform(get("/konto/passwort").with(koeln())).andExpect(content().string(containsString(">Benachrichtigungen (1)</a>")));
    }

    // ---- settings --------------------------------------------------------------------------------------------------

    @Test
    void the_settings_offer_the_kinds_of_the_role_with_their_defaults_and_are_saved_and_shown_again() throws Exception {
        mvc.perform(get("/benachrichtigungen/einstellungen").with(koeln()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Verwendungsnachweis überfällig"),
                        containsString("Zusage zu einer Einsatzanfrage"), not(containsString("Neuer Antrag auf Zuwendung")),
                        containsString("sofort (Voreinstellung)"), containsString("täglich gesammelt (Voreinstellung)"),
                        // the account's own address: the browser may offer it
                        containsString("type=\"email\" autocomplete=\"email\""))));

        mvc.perform(post("/benachrichtigungen/einstellungen").with(koeln()).with(csrf())
                        .param("email", " koordination@koeln.example ").param("language", "en")
                        .param("deliveries[USAGE_REPORT_OVERDUE]", "DAILY_DIGEST")
                        .param("deliveries[GRANT_APPROVED]", "IMMEDIATELY")
                        .param("deliveries[TRANCHE_DISBURSED]", "OFF"))
                .andExpect(redirectedUrl("/benachrichtigungen/einstellungen"))
                .andExpect(flash().attribute("confirmation", "Ihre Einstellungen für Benachrichtigungen sind gespeichert."));

        assertThat(accounts.contact("koordination.koeln")).isEqualTo(new AccountContact("koordination@koeln.example", "en"));
        // only a choice other than the default is kept
        assertThat(jdbc.queryForList("select kind || '=' || delivery from notice_preference where username = 'koordination.koeln' order by kind",
                String.class)).containsExactly("TRANCHE_DISBURSED=OFF", "USAGE_REPORT_OVERDUE=DAILY_DIGEST");
        mvc.perform(get("/benachrichtigungen/einstellungen").with(koeln()))
                .andExpect(content().string(allOf(containsString("value=\"koordination@koeln.example\""),
                        containsString("name=\"deliveries[USAGE_REPORT_OVERDUE]\" value=\"DAILY_DIGEST\" checked=\"checked\""),
                        containsString("name=\"deliveries[TRANCHE_DISBURSED]\" value=\"OFF\" checked=\"checked\""))));
    }

    @Test
    void a_wrong_address_is_said_next_to_its_field_in_german_and_nothing_is_saved() throws Exception {
        accounts.changeContact("koordination.koeln", "alt@koeln.example", "de", "test");
        mvc.perform(post("/benachrichtigungen/einstellungen").with(koeln()).with(csrf())
                        .param("email", "koordination@koeln").param("language", "en")
                        .param("deliveries[USAGE_REPORT_OVERDUE]", "OFF"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<title>Fehler: Einstellungen für Benachrichtigungen"),
                        containsString("id=\"email-fehler\""), containsString("Die E-Mail-Adresse ist ungültig."),
                        containsString("href=\"#email\""), containsString("value=\"koordination@koeln\""))));

        assertThat(accounts.contact("koordination.koeln")).isEqualTo(new AccountContact("alt@koeln.example", "de"));
        assertThat(jdbc.queryForObject("select count(*) from notice_preference", Integer.class)).isZero();
    }

    @Test
    void a_kind_the_role_does_not_receive_or_a_made_up_choice_is_refused_and_nothing_is_saved() throws Exception {
        mvc.perform(post("/benachrichtigungen/einstellungen").with(koeln()).with(csrf())
                        .param("email", "neu@koeln.example").param("language", "de")
                        .param("deliveries[GRANT_APPLIED]", "OFF"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Diese Art von Benachrichtigung erhält Ihre Rolle nicht")));
        mvc.perform(post("/benachrichtigungen/einstellungen").with(koeln()).with(csrf())
                        .param("email", "neu@koeln.example").param("language", "de")
                        .param("deliveries[USAGE_REPORT_OVERDUE]", "STUENDLICH"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("„sofort“, „täglich gesammelt“ oder „aus“")));
        mvc.perform(post("/benachrichtigungen/einstellungen").with(koeln()).with(csrf())
                        .param("email", "neu@koeln.example").param("language", "fr"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"language-fehler\"")));
        assertThat(accounts.contact("koordination.koeln").email()).isNull();
        assertThat(jdbc.queryForObject("select count(*) from notice_preference", Integer.class)).isZero();
    }

    @Test
    void the_grant_authority_chooses_among_its_own_kinds() throws Exception {
        mvc.perform(get("/benachrichtigungen/einstellungen").with(as("bezreg", AccountRole.GRANT_OFFICER)))
                .andExpect(content().string(allOf(containsString("Neuer Antrag auf Zuwendung"),
                        containsString("Prüfung eines Antrags überfällig"), not(containsString("Zuwendung bewilligt")))));
    }

    // ---- the administrator's failed e-mails -----------------------------------------------------------------------

    @Test
    void the_administrator_sees_the_failed_emails_and_puts_one_back_in_line() throws Exception {
        String notice = java.util.UUID.randomUUID().toString();
        rows.email(notice, "koordination.koeln", "USAGE_REPORT_OVERDUE", "FAILED", 8, "Verbindung abgelehnt", JULY_FIRST);
        String sent = java.util.UUID.randomUUID().toString();
        rows.email(sent, "bezreg", "USAGE_REPORT_OVERDUE", "SENT", 1, null, JULY_FIRST);

        mvc.perform(get("/verwaltung/benachrichtigungen").with(as("admin", AccountRole.ADMINISTRATOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(stringContainsInOrder("Verwendungsnachweis überfällig", "koordination.koeln", "8",
                        "Verbindung abgelehnt", "01.07.2027, 06:00 Uhr", "Erneut versuchen"), not(containsString(">bezreg<")),
                        containsString("aria-current=\"page\">Nicht zugestellte E-Mails</a>"))));
        mvc.perform(get("/verwaltung/benachrichtigungen").with(koeln())).andExpect(status().isForbidden());
        mvc.perform(post("/verwaltung/benachrichtigungen/" + notice + "/koordination.koeln/erneut").with(koeln()).with(csrf()))
                .andExpect(status().isForbidden());

        mvc.perform(post("/verwaltung/benachrichtigungen/" + notice + "/koordination.koeln/erneut")
                        .with(as("admin", AccountRole.ADMINISTRATOR)).with(csrf()))
                .andExpect(redirectedUrl("/verwaltung/benachrichtigungen"))
                .andExpect(flash().attribute("confirmation", "Die E-Mail an koordination.koeln wird erneut zugestellt."));
        assertThat(jdbc.queryForMap("select status, attempts from notice_email where notice_id = ?", notice))
                .containsEntry("status", "PENDING").containsEntry("attempts", 0);

        mvc.perform(post("/verwaltung/benachrichtigungen/" + sent + "/bezreg/erneut").with(as("admin", AccountRole.ADMINISTRATOR)).with(csrf()))
                .andExpect(flash().attribute("refusal", "Diese E-Mail ist nicht fehlgeschlagen: Sie wird gerade zugestellt oder ist schon zugestellt."));
        assertThat(jdbc.queryForObject("select status from notice_email where notice_id = ?", String.class, sent)).isEqualTo("SENT");
    }

    @Test
    void a_volunteer_s_e_mail_dropped_before_it_went_out_is_listed_without_a_retry_and_cannot_be_retried() throws Exception {
        String notice = java.util.UUID.randomUUID().toString();
        String recipient = "volunteer:" + java.util.UUID.randomUUID();
        rows.email(notice, recipient, "ASSIGNMENT_ASKED", "DROPPED", 0, "Nicht gesendet (NO_CONSENT)", JULY_FIRST);

        mvc.perform(get("/verwaltung/benachrichtigungen").with(as("admin", AccountRole.ADMINISTRATOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        stringContainsInOrder("Nicht gesendete E-Mails an Ehrenamtliche", "Anfrage für einen Einsatz", recipient,
                                "Nicht gesendet (NO_CONSENT)", "01.07.2027, 06:00 Uhr"),
                        not(containsString("/" + recipient + "/erneut")))));
        mvc.perform(post("/verwaltung/benachrichtigungen/" + notice + "/" + recipient + "/erneut")
                        .with(as("admin", AccountRole.ADMINISTRATOR)).with(csrf()))
                .andExpect(flash().attribute("refusal", "Diese E-Mail ist nicht fehlgeschlagen: Sie wird gerade zugestellt oder ist schon zugestellt."));
        assertThat(jdbc.queryForObject("select status from notice_email where notice_id = ?", String.class, notice)).isEqualTo("DROPPED");
    }

    // ---- the administrator's account form --------------------------------------------------------------------------

    @Test
    void the_administrator_gives_a_new_account_its_address_and_language_and_a_wrong_address_creates_nothing() throws Exception {
        mvc.perform(post("/verwaltung/konten").with(as("admin", AccountRole.ADMINISTRATOR)).with(csrf())
                        .param("username", "bezreg.mail").param("password", "Lange-Passphrase-2026").param("role", "GRANT_OFFICER")
                        .param("email", "bezreg@").param("language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"email-fehler\""), containsString("value=\"bezreg@\""))));
        assertThat(accounts.find("bezreg.mail")).isEmpty();

        mvc.perform(post("/verwaltung/konten").with(as("admin", AccountRole.ADMINISTRATOR)).with(csrf())
                        .param("username", "bezreg.mail").param("password", "Lange-Passphrase-2026").param("role", "GRANT_OFFICER")
                        .param("email", "foerderung@bezreg.example").param("language", "en"))
                .andExpect(redirectedUrl("/verwaltung/konten"));
        assertThat(accounts.contact("bezreg.mail")).isEqualTo(new AccountContact("foerderung@bezreg.example", "en"));
    }

    @Test
    void the_administrator_sets_an_existing_accounts_address_and_language_and_a_wrong_one_changes_nothing() throws Exception {
        mvc.perform(get("/verwaltung/konten").with(as("admin", AccountRole.ADMINISTRATOR)))
                .andExpect(content().string(containsString("href=\"/verwaltung/konten/bezreg/kontakt\"")));
        mvc.perform(post("/verwaltung/konten/bezreg/kontakt").with(as("admin", AccountRole.ADMINISTRATOR)).with(csrf())
                        .param("email", "bezreg at example").param("language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"email-fehler\""), containsString("Die E-Mail-Adresse ist ungültig."))));
        assertThat(accounts.contact("bezreg")).isEqualTo(new AccountContact(null, "de"));

        mvc.perform(post("/verwaltung/konten/bezreg/kontakt").with(as("admin", AccountRole.ADMINISTRATOR)).with(csrf())
                        .param("email", "foerderung@bezreg.example").param("language", "en"))
                .andExpect(redirectedUrl("/verwaltung/konten"))
                .andExpect(flash().attribute("confirmation", "E-Mail und Sprache des Kontos bezreg sind gespeichert."));
        assertThat(accounts.contact("bezreg")).isEqualTo(new AccountContact("foerderung@bezreg.example", "en"));
        mvc.perform(get("/verwaltung/konten/bezreg/kontakt").with(koeln())).andExpect(status().isForbidden());
    }
}
