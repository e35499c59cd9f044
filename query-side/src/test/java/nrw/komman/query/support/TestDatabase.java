package nrw.komman.query.support;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.util.UUID;

/**
 * A fresh, empty database migrated by the query side's own Flyway migration: H2 in PostgreSQL mode
 * by default; with {@code -Dquery.test.postgres.url=jdbc:postgresql://host:port/db} (plus
 * {@code .user}, {@code .password}) a fresh schema on that PostgreSQL server instead.
 */
public final class TestDatabase {

    private static final String POSTGRES_URL = System.getProperty("query.test.postgres.url");

    private TestDatabase() {
    }

    public static DataSource create() {
        return create(null);
    }

    /** A fresh database migrated up to {@code targetVersion} only (null: all migrations), to test an upgrade. */
    public static DataSource create(String targetVersion) {
        String unique = UUID.randomUUID().toString().replace("-", "");
        DriverManagerDataSource dataSource;
        String schema = null;
        if (POSTGRES_URL != null && !POSTGRES_URL.isBlank()) {
            schema = "qs_" + unique;
            dataSource = new DriverManagerDataSource(
                    POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                    System.getProperty("query.test.postgres.user", "postgres"),
                    System.getProperty("query.test.postgres.password", ""));
        } else {
            dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + unique
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        }
        var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common");
        if (schema != null) {
            flyway.schemas(schema);
        }
        if (targetVersion != null) {
            flyway.target(targetVersion);
        }
        flyway.load().migrate();
        return dataSource;
    }

    /** Runs the remaining migrations on a database created with {@link #create(String)}. */
    public static void migrate(DataSource dataSource) {
        var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common");
        if (POSTGRES_URL != null && !POSTGRES_URL.isBlank()) {
            try (var connection = dataSource.getConnection()) {
                flyway.schemas(connection.getSchema());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        flyway.load().migrate();
    }

    public static NamedParameterJdbcTemplate jdbc() {
        return new NamedParameterJdbcTemplate(create());
    }
}
