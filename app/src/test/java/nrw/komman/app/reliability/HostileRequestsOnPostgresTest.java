package nrw.komman.app.reliability;

import nrw.komman.app.support.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A smaller share of the hostile requests on PostgreSQL, whose text types refuse what H2 takes (NUL characters,
 * invalid Unicode) and whose errors name SQL states.
 */
@TestPropertySource(properties = "komman.test.database=hostile-requests-postgres")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class HostileRequestsOnPostgresTest extends OnPostgres {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void two_thousand_hostile_requests_on_postgresql_get_no_server_error_leak_nothing_and_change_nothing() throws Exception {
        HostileRequestsRun.run("PostgreSQL", port, jdbc, 2_000);
    }

    @Test
    void odd_unicode_and_injection_strings_in_valid_requests_are_stored_or_refused_never_a_server_error() {
        HostileRequestsRun.oddButValidText("PostgreSQL", port, jdbc, 90);
    }
}
