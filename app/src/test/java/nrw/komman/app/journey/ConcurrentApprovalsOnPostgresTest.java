package nrw.komman.app.journey;

import com.fasterxml.jackson.databind.JsonNode;
import nrw.komman.app.support.Api;
import nrw.komman.app.support.Api.Login;
import nrw.komman.app.support.Api.Response;
import nrw.komman.app.support.OnPostgres;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static nrw.komman.app.support.Requests.grant;
import static nrw.komman.app.support.Requests.with;
import static nrw.komman.app.support.TestAccounts.DUESSELDORF;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static nrw.komman.app.support.TestAccounts.MINISTRY;
import static nrw.komman.app.support.TestAccounts.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The budget rule under real concurrency: approvals of different grants fired at once through the HTTP
 * API against PostgreSQL never take the approved total above the budget, and every refusal is a 409
 * that says why. Each test uses its own funding year and programme part, so their budgets never meet.
 */
class ConcurrentApprovalsOnPostgresTest extends OnPostgres {

    private static final int NEXT_YEAR = LocalDate.now(ZoneId.of("Europe/Berlin")).getYear() + 1;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private Api api;

    @BeforeEach
    void accounts() {
        api = new Api(port);
        TestAccounts.createAll(api);
    }

    @Test
    void racing_approvals_never_exceed_the_state_wide_budget() throws Exception {
        String part = "PART_III";
        setBudget("/api/budgets/" + NEXT_YEAR + "/" + part, "100000.00");
        // 16 grants of 7.000 € from two centres: 112.000 € asked for, 100.000 € available, exactly 14 fit
        List<String> grants = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            grants.add(reviewedGrant(part, "7000.00", i % 2 == 0 ? KOELN : DUESSELDORF));
        }

        List<Response> answers = approveAllAtOnce(grants, "7000.00");

        assertRefusalsAreClear(answers, "budget.exceeded");
        assertThat(answers.stream().filter(r -> r.status() == 204)).hasSize(14);
        assertThat(approvedTotal(part)).isEqualByComparingTo("98000.00");
        assertThat(ledger(NEXT_YEAR + "/" + part)).isEqualTo(9_800_000L);
        assertThat(budgetUse(part).path("approved").asText()).isEqualTo("98000.00");
    }

    @Test
    void racing_approvals_of_one_centre_never_exceed_its_share() throws Exception {
        String part = "PART_II_D";
        setBudget("/api/budgets/" + NEXT_YEAR + "/" + part, "1000000.00");
        setBudget("/api/budgets/" + NEXT_YEAR + "/" + part + "/centres/05315", "20000.00");
        List<String> grants = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            grants.add(reviewedGrant(part, "6000.00", KOELN));
        }

        List<Response> answers = approveAllAtOnce(grants, "6000.00");

        assertRefusalsAreClear(answers, "budget.centre-exceeded");
        assertThat(answers.stream().filter(r -> r.status() == 204)).hasSize(3);
        assertThat(ledger(NEXT_YEAR + "/" + part + "/05315")).isEqualTo(1_800_000L);
        assertThat(approvedTotal(part)).isEqualByComparingTo("18000.00");
    }

    private void setBudget(String path, String amount) {
        Response set = api.put(path, Map.of("amount", amount), MINISTRY);
        assertThat(set.status()).as(set.toString()).isEqualTo(204);
    }

    private String reviewedGrant(String part, String amount, Login coordinator) {
        Response applied = api.post("/api/grants", with(grant(NEXT_YEAR, amount), "programmePart", part), coordinator);
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        String id = applied.text("grantId");
        Response reviewed = api.post("/api/grants/" + id + "/review", Map.of("recommendation", "APPROVE", "note", "ok"), OFFICER);
        assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(204);
        return id;
    }

    /** Every approval in its own thread, released at the same moment. */
    private List<Response> approveAllAtOnce(List<String> grants, String amount) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(grants.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (String id : grants) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return api.post("/api/grants/" + id + "/approval", Map.of("approvedAmount", amount), MINISTRY);
                }));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertRefusalsAreClear(List<Response> answers, String code) {
        for (Response r : answers) {
            assertThat(r.status()).as(r.toString()).isIn(204, 409);
            if (r.status() == 409) {
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(r.json().path("code").asText()).as(r.toString()).isEqualTo(code);
                assertThat(r.json().path("detail").asText()).contains("frei sind");
            }
        }
    }

    private BigDecimal approvedTotal(String part) {
        JsonNode grants = api.get("/api/grants?fundingYear=" + NEXT_YEAR + "&programmePart=" + part + "&status=APPROVED",
                MINISTRY).json();
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode g : grants) {
            sum = sum.add(new BigDecimal(g.path("approvedAmount").asText()));
        }
        return sum;
    }

    private long ledger(String budgetId) {
        return jdbc.queryForObject("select approved_cents from budget_ledger where budget_id = ?", Long.class, budgetId);
    }

    private JsonNode budgetUse(String part) {
        for (JsonNode row : api.get("/api/budgets?fundingYear=" + NEXT_YEAR, MINISTRY).json().path("programmeParts")) {
            if (part.equals(row.path("programmePart").asText())) {
                return row;
            }
        }
        throw new AssertionError("no budget row for " + part);
    }
}
