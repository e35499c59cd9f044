package nrw.komman.app.privacy;

import nrw.komman.app.support.Api;
import nrw.komman.app.support.OnH2;
import nrw.komman.app.support.ShiftableClock;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/** Issue 8 end to end on the embedded default (H2), with a clock the retention scenario can move. */
@Import(ShiftableClock.Config.class)
class PrivacyOnH2Test extends OnH2 implements PrivacyScenarios {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ShiftableClock clock;

    @Override
    public Api api() {
        return new Api(port);
    }

    @Override
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    @Override
    public ShiftableClock clock() {
        return clock;
    }

    @BeforeEach
    @Override
    public void accounts() {
        PrivacyScenarios.super.accounts();
    }
}
