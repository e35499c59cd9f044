package nrw.komman.web.platform.problem;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Whether a failure means that the database is (briefly) out of reach: restarted, failed over, the
 * network away, the connection pool empty, or a commit or rollback that lost its connection (Spring's
 * JDBC transaction manager translates every other failure of a commit, so what stays a
 * {@link TransactionSystemException} is the connection: the command's outcome is then unknown). Such a request was not carried out and may be repeated,
 * so it is answered 503 with Retry-After, not 500. Recognised in the whole cause chain, since Axon
 * and Spring wrap it (a failed append, a failed transaction, a failed sign-in lookup).
 */
public final class DatabaseOutage {

    /** Seconds a client should wait before trying again: a restart or fail-over of PostgreSQL takes a few. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseOutage() {
    }

    public static boolean isCauseOf(Throwable ex) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = ex; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
                    || t instanceof CannotCreateTransactionException || t instanceof SQLTransientConnectionException
                    || t instanceof ConnectException || t instanceof TransactionSystemException) {
                return true;
            }
            if (t instanceof SQLException sql && (lostConnection(sql.getSQLState()) || closedByThePool(sql))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Hikari's answer when a connection is used that it has closed: "Connection is closed", without a
     * SQLSTATE. Spring never uses a connection after giving it back, so this is a connection of a
     * running transaction that Hikari evicted because the database broke it off (a restart); the
     * statement after that fails so.
     */
    private static boolean closedByThePool(SQLException sql) {
        StackTraceElement[] trace = sql.getStackTrace();
        return sql.getSQLState() == null && trace.length > 0
                && trace[0].getClassName().startsWith("com.zaxxer.hikari.pool.ProxyConnection");
    }

    /**
     * SQLSTATE class 08 (connection exception), and 57P01..57P03 (the server shuts down, crashed, or
     * is starting and cannot accept connections yet).
     */
    private static boolean lostConnection(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02")
                || sqlState.equals("57P03"));
    }
}
