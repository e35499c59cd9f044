package nrw.komman.app.reliability;

import org.junit.jupiter.api.Test;
import org.postgresql.jdbc.PgStatement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tests run with Java assertions on for our code but off for the PostgreSQL driver, as in
 * production. The driver has an {@code assert false} where a JDBC batch meets a connection the
 * database closed: under -ea it throws an AssertionError, which Axon's work packages do not catch (the
 * projection stalls) and the API answers 500, so {@link DatabaseRestartTest} would test a failure
 * production never has. The pom's {@code driver.assertions} switches them off; this fails if it goes.
 */
class DriverAssertionsTest {

    @Test
    void the_postgresql_driver_runs_without_assertions_as_in_production() {
        assertThat(PgStatement.class.desiredAssertionStatus()).as("assertions in org.postgresql").isFalse();
        assertThat(DriverAssertionsTest.class.desiredAssertionStatus()).as("assertions in our code").isTrue();
    }
}
