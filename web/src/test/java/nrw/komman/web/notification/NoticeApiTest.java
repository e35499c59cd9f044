package nrw.komman.web.notification;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.web.WebTestApplication;
import nrw.komman.web.account.AccountContact;
import nrw.komman.web.account.AccountService;
import nrw.komman.web.platform.ApiLogins;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.UUID;

import static nrw.komman.web.platform.ApiLogins.PASSWORD;
import static nrw.komman.web.platform.ApiLogins.admin;
import static nrw.komman.web.platform.ApiLogins.coordinator;
import static nrw.komman.web.platform.ApiLogins.duesseldorf;
import static nrw.komman.web.platform.ApiLogins.json;
import static nrw.komman.web.platform.ApiLogins.ministry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The notices' API: each account its own notices and settings, the administrators the failed e-mails; problems for errors. */
@SpringBootTest(classes = WebTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:web-api-notices;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.flyway.locations=classpath:db/migration/common",
        "komman.admin.password=" + ApiLogins.ADMIN_PASSWORD})
@AutoConfigureMockMvc
class NoticeApiTest {

    private static final Instant JULY_FIRST = Instant.parse("2027-07-01T04:00:00Z");

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
        accounts.createIfAbsent("koordination.koeln", PASSWORD, AccountRole.COORDINATOR, new CentreId("05315"), "test");
        accounts.createIfAbsent("koordination.duesseldorf", PASSWORD, AccountRole.COORDINATOR, new CentreId("05111"), "test");
        accounts.createIfAbsent("ministerium", PASSWORD, AccountRole.MINISTRY, null, "test");
        accounts.changeContact("koordination.koeln", null, "de", "test");
    }

    @Test
    void an_account_reads_counts_and_marks_its_own_notices_and_never_another_accounts() throws Exception {
        String mine = rows.inbox("koordination.koeln", "USAGE_REPORT_OVERDUE", "/zuwendungen/a",
                "{\"title\":\"Begegnung\",\"dueOn\":\"2027-06-30\"}", JULY_FIRST);
        rows.inbox("koordination.koeln", "GRANT_APPROVED", "/zuwendungen/a", "{}", JULY_FIRST.minusSeconds(60));
        String theirs = rows.inbox("koordination.duesseldorf", "GRANT_REJECTED", "/zuwendungen/b", "{}", JULY_FIRST);

        mvc.perform(get("/api/notices").with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.unread").value(2))
                .andExpect(jsonPath("$.notices", hasSize(2)))
                .andExpect(jsonPath("$.notices[0].noticeId").value(mine))
                .andExpect(jsonPath("$.notices[0].kind").value("USAGE_REPORT_OVERDUE"))
                .andExpect(jsonPath("$.notices[0].facts.dueOn").value("2027-06-30"))
                .andExpect(jsonPath("$.notices[0].title").value("Verwendungsnachweis überfällig"))
                .andExpect(jsonPath("$.notices[0].text").value(
                        "Der Verwendungsnachweis für „Begegnung“ war am 30.06.2027 fällig und ist noch nicht eingereicht."))
                .andExpect(jsonPath("$.notices[0].link").value("/zuwendungen/a"));

        mvc.perform(post("/api/notices/" + theirs + "/read").with(coordinator()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value("Diese Benachrichtigung gibt es nicht."));
        assertThat(rows.read(theirs, "koordination.duesseldorf")).isFalse();

        mvc.perform(post("/api/notices/" + mine + "/read").with(coordinator())).andExpect(status().isNoContent());
        mvc.perform(get("/api/notices/unread-count").with(coordinator())).andExpect(jsonPath("$.unread").value(1));
        mvc.perform(get("/api/notices").param("unread", "true").with(coordinator()))
                .andExpect(jsonPath("$.notices", hasSize(1))).andExpect(jsonPath("$.notices[0].kind").value("GRANT_APPROVED"));
        mvc.perform(post("/api/notices/read").with(coordinator())).andExpect(jsonPath("$.marked").value(1));
        mvc.perform(get("/api/notices/unread-count").with(coordinator())).andExpect(jsonPath("$.unread").value(0));
        mvc.perform(get("/api/notices/unread-count").with(duesseldorf())).andExpect(jsonPath("$.unread").value(1));
        mvc.perform(get("/api/notices").param("unread", "vielleicht").with(coordinator())).andExpect(status().isBadRequest());
        mvc.perform(get("/api/notices")).andExpect(status().isUnauthorized());
    }

    @Test
    void settings_are_read_and_replaced_and_bad_input_changes_nothing() throws Exception {
        mvc.perform(get("/api/notices/settings").with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.language").value("de"))
                .andExpect(jsonPath("$.deliveries[?(@.kind == 'TRANCHE_DISBURSED')].delivery").value("DAILY_DIGEST"));

        mvc.perform(json(put("/api/notices/settings"), """
                        {"email": "koordination@koeln.example", "language": "en",
                         "deliveries": [{"kind": "TRANCHE_DISBURSED", "delivery": "IMMEDIATELY"}]}""").with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value("koordination@koeln.example"))
                .andExpect(jsonPath("$.deliveries[?(@.kind == 'TRANCHE_DISBURSED')].delivery").value("IMMEDIATELY"));
        assertThat(accounts.contact("koordination.koeln")).isEqualTo(new AccountContact("koordination@koeln.example", "en"));

        for (String bad : new String[]{
                "{\"email\": \"kein-at-zeichen.example\", \"language\": \"de\", \"deliveries\": []}",
                "{\"email\": \"a@b.example\", \"language\": \"fr\", \"deliveries\": []}",
                "{\"email\": \"a@b.example\", \"language\": \"de\", \"deliveries\": [{\"kind\": \"GRANT_APPLIED\", \"delivery\": \"OFF\"}]}",
                "{\"email\": \"a@b.example\", \"language\": \"de\", \"deliveries\": [{\"kind\": \"TRANCHE_DISBURSED\", \"delivery\": \"OFF\"},"
                        + " {\"kind\": \"TRANCHE_DISBURSED\", \"delivery\": \"IMMEDIATELY\"}]}",
                "{\"email\": \"a@b.example\", \"language\": \"de\", \"deliveries\": [{\"kind\": \"TRANCHE_DISBURSED\", \"delivery\": \"STUENDLICH\"}]}",
                "{\"email\": \"a\\u0000@b.example\", \"language\": \"de\", \"deliveries\": []}",
                "{\"email\": \"a@b.example\", \"deliveries\": []}"}) {
            mvc.perform(json(put("/api/notices/settings"), bad).with(coordinator()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        }
        assertThat(accounts.contact("koordination.koeln")).isEqualTo(new AccountContact("koordination@koeln.example", "en"));
        assertThat(jdbc.queryForList("select kind || '=' || delivery from notice_preference", String.class))
                .containsExactly("TRANCHE_DISBURSED=IMMEDIATELY");
    }

    @Test
    void administrators_list_and_retry_failed_emails_and_nobody_else_may() throws Exception {
        String notice = UUID.randomUUID().toString();
        rows.email(notice, "ministerium", "DECISION_OVERDUE", "FAILED", 8, "550 mailbox unavailable", JULY_FIRST);

        mvc.perform(get("/api/admin/notice-deliveries").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].recipient").value("ministerium"))
                .andExpect(jsonPath("$[0].attempts").value(8))
                .andExpect(jsonPath("$[0].lastError").value("550 mailbox unavailable"));
        mvc.perform(get("/api/admin/notice-deliveries").param("status", "SENT").with(admin())).andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(get("/api/admin/notice-deliveries").param("status", "VERLOREN").with(admin())).andExpect(status().isBadRequest());
        mvc.perform(get("/api/admin/notice-deliveries").with(ministry())).andExpect(status().isForbidden());
        mvc.perform(post("/api/admin/notice-deliveries/" + notice + "/ministerium/retry").with(ministry()))
                .andExpect(status().isForbidden());

        mvc.perform(post("/api/admin/notice-deliveries/" + notice + "/ministerium/retry").with(admin()))
                .andExpect(status().isNoContent());
        assertThat(jdbc.queryForMap("select status, attempts from notice_email where notice_id = ?", notice))
                .containsEntry("status", "PENDING").containsEntry("attempts", 0);
        mvc.perform(post("/api/admin/notice-deliveries/" + notice + "/ministerium/retry").with(admin()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("nicht fehlgeschlagen")));
        mvc.perform(post("/api/admin/notice-deliveries/" + UUID.randomUUID() + "/ministerium/retry").with(admin()))
                .andExpect(status().isNotFound());
    }
}
