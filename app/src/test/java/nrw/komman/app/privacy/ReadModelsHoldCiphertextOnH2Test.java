package nrw.komman.app.privacy;

import nrw.komman.app.support.Api;
import nrw.komman.app.support.OnH2;
import nrw.komman.app.support.ShiftableClock;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * ADR 22 on the embedded default: the H2 file is copied while the application runs (as an attacker with read
 * access to the data folder would) and its bytes searched. Same context as {@link PrivacyOnH2Test}.
 */
@Import(ShiftableClock.Config.class)
class ReadModelsHoldCiphertextOnH2Test extends OnH2 implements ReadModelsHoldCiphertextScenarios {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${komman.data-dir}")
    Path dataDir;

    @Override
    public Api api() {
        return new Api(port);
    }

    @Override
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    @Override
    public List<byte[]> databaseFiles() throws IOException {
        Path copy = Files.createTempFile("komman-copy-", ".mv.db");
        try {
            Files.copy(dataDir.resolve("komman.mv.db"), copy, StandardCopyOption.REPLACE_EXISTING);
            return List.of(Files.readAllBytes(copy));
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    @BeforeEach
    @Override
    public void accounts() {
        ReadModelsHoldCiphertextScenarios.super.accounts();
    }
}
