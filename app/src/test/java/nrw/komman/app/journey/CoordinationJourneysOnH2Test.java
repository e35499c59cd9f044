package nrw.komman.app.journey;

import nrw.komman.app.support.Api;
import nrw.komman.app.support.OnH2;
import nrw.komman.app.support.ShiftableClock;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** Coordination (issue 18) end to end on the embedded default (H2), with a clock the scenarios can move. */
@Import(ShiftableClock.Config.class)
@TestPropertySource(properties = "komman.test.database=coordination-journeys-h2") // an own context: its own figures
class CoordinationJourneysOnH2Test extends OnH2 implements CoordinationJourneys {

    @LocalServerPort
    int port;

    @Autowired
    ShiftableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Override
    public Api api() {
        return new Api(port);
    }

    @Override
    public ShiftableClock clock() {
        return clock;
    }

    @Override
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    @BeforeEach
    @Override
    public void accounts() {
        CoordinationJourneys.super.accounts();
    }
}
