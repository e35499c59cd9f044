package nrw.komman.app.audit;

import nrw.komman.app.support.Api;
import nrw.komman.app.support.OnPostgres;
import nrw.komman.command.grant.audit.GrantChainSealing;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/** The grant hash chain and its tampering cases on a real PostgreSQL.
 * The tampering tests leave altered events behind: the context (shared with the other tests on this
 * database) is closed afterwards, so no later test replays or reads them. */
@DirtiesContext
class GrantChainOnPostgresTest extends OnPostgres implements GrantChainScenarios {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    QueryGateway queries;

    @Autowired
    GrantChainSealing sealing;

    @Override
    public Api api() {
        return new Api(port);
    }

    @Override
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    @Override
    public QueryGateway queries() {
        return queries;
    }

    @Override
    public GrantChainSealing sealing() {
        return sealing;
    }

    @BeforeEach
    @Override
    public void accounts() {
        GrantChainScenarios.super.accounts();
    }
}
