package nrw.komman.app.support;

import java.util.Map;

import static nrw.komman.app.support.TestAccounts.MINISTRY;
import static org.assertj.core.api.Assertions.assertThat;

/** Approvals need a budget: the tests set a generous one as the ministry (PUT is idempotent). */
public final class Budgets {

    public static final String GENEROUS = "50000000.00";

    private Budgets() {
    }

    public static void ensure(Api api, int fundingYear, String programmePart) {
        Api.Response set = api.put("/api/budgets/" + fundingYear + "/" + programmePart,
                Map.of("amount", GENEROUS, "reason", "Haushaltsplan"), MINISTRY);
        assertThat(set.status()).as(set.toString()).isEqualTo(204);
    }
}
