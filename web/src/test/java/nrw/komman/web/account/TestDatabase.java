package nrw.komman.web.account;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.util.UUID;

/** A fresh H2 in-memory database in PostgreSQL mode with the web module's migrations applied. */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static DataSource migrated() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:web-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common").load().migrate();
        return dataSource;
    }
}
