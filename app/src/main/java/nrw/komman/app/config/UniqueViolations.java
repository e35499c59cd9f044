package nrw.komman.app.config;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Tells the event store that an append failed on a unique key, so Axon reports a concurrent
 * modification of the aggregate (retried by the gateway, else 409) instead of a storage failure
 * (500). Axon's default resolver compares vendor error codes, which PostgreSQL leaves at 0; the SQL
 * state 23505 (unique violation) is the same on PostgreSQL and H2. A batch insert hides it in the
 * chain of next exceptions, so that chain is searched too.
 */
public class UniqueViolations implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException() == next ? null : next.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
