package nrw.komman.app.privacy;

import nrw.komman.app.support.Api;
import nrw.komman.app.support.OnH2;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** ADR 21 end to end on the embedded default (H2). */
class SealedTextsOnH2Test extends OnH2 implements SealedTextsScenarios {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PersonalDataVault vault;

    @Override
    public Api api() {
        return new Api(port);
    }

    @Override
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    @Override
    public PersonalDataVault vault() {
        return vault;
    }

    @BeforeEach
    @Override
    public void accounts() {
        SealedTextsScenarios.super.accounts();
    }
}
