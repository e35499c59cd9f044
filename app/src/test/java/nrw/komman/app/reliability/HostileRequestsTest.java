package nrw.komman.app.reliability;

import nrw.komman.app.support.OnH2;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Ten thousand generated malformed and hostile requests over every operation of the API, on the embedded default
 * (H2): no 5xx, no leaked internals, nothing changed by a refused request ({@link HostileRequestsRun}).
 */
@TestPropertySource(properties = "komman.test.database=hostile-requests-h2") // an own context: a known database
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class HostileRequestsTest extends OnH2 {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void ten_thousand_hostile_requests_get_no_server_error_leak_nothing_and_change_nothing() throws Exception {
        HostileRequestsRun.run("H2", port, jdbc, 10_000);
    }

    @Test
    void odd_unicode_and_injection_strings_in_valid_requests_are_stored_or_refused_never_a_server_error() {
        HostileRequestsRun.oddButValidText("H2", port, jdbc, 90);
    }
}
