package nrw.komman.app.privacy;

import nrw.komman.app.support.Api;
import nrw.komman.app.support.OnPostgres;
import nrw.komman.app.support.ShiftableClock;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * ADR 22 on a real PostgreSQL: after a checkpoint (every changed page written to the table files), the files of
 * the test's database and the WAL are searched byte for byte, dead row versions included. Same context as
 * {@link PrivacyOnPostgresTest}.
 */
@Import(ShiftableClock.Config.class)
class ReadModelsHoldCiphertextOnPostgresTest extends OnPostgres implements ReadModelsHoldCiphertextScenarios {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

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
        jdbc.execute("checkpoint");
        Path dataDirectory = Path.of(jdbc.queryForObject("show data_directory", String.class));
        Long database = jdbc.queryForObject("select oid from pg_database where datname = current_database()", Long.class);
        try (Stream<Path> tables = Files.list(dataDirectory.resolve("base").resolve(String.valueOf(database)));
             Stream<Path> wal = Files.list(dataDirectory.resolve("pg_wal"))) {
            return Stream.concat(tables, wal).filter(Files::isRegularFile)
                    .map(ReadModelsHoldCiphertextScenarios::read).toList();
        }
    }

    @BeforeEach
    @Override
    public void accounts() {
        ReadModelsHoldCiphertextScenarios.super.accounts();
    }
}
