package nrw.komman.app.audit;

import nrw.komman.app.support.Api;
import nrw.komman.app.support.OnH2;
import nrw.komman.command.grant.audit.GrantChainSealing;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The grant hash chain and its tampering cases on the embedded default (H2).
 * The tampering tests leave altered events behind: the context (shared with the other tests on this
 * database) is closed afterwards, so no later test replays or reads them. */
@DirtiesContext
class GrantChainOnH2Test extends OnH2 implements GrantChainScenarios {

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

    @Autowired
    EventProcessingConfiguration processing;

    @BeforeEach
    @Override
    public void accounts() {
        GrantChainScenarios.super.accounts();
    }

    @Test
    void the_chain_writer_runs_in_a_subscribing_processor_in_the_publishing_transaction() {
        assertThat(processing.eventProcessor("grant-audit-chain", SubscribingEventProcessor.class)).isPresent();
    }
}
