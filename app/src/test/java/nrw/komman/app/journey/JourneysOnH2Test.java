package nrw.komman.app.journey;

import nrw.komman.app.support.Api;
import nrw.komman.app.support.OnH2;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The end-to-end journeys, bad input, rebuild and annual reports on the embedded default (H2). */
class JourneysOnH2Test extends OnH2 implements ApiJourneys, BadInputIsRefused, RebuildGivesTheSameReadModels, AnnualReportsByReplay {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ConfigurableApplicationContext context;

    @Override
    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public Api api() {
        return new Api(port);
    }

    @Override
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    @BeforeEach
    @Override
    public void accounts() {
        ApiJourneys.super.accounts();
    }
}
