package nrw.komman.app.config;

import com.zaxxer.hikari.HikariDataSource;
import nrw.komman.kernel.admin.AwaitReadModelsQuery;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The wait for the read models runs without a transaction, so it holds no pooled connection while it waits. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AxonTransactionManagerTest {

    private final HikariDataSource pool = pool();
    private final AxonTransactionManager transactions = new AxonTransactionManager(new DataSourceTransactionManager(pool));

    private static HikariDataSource pool() {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setMaximumPoolSize(2);
        try (var started = dataSource.getConnection()) { // the pool and its figures exist from the first connection
            return dataSource;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void a_query_waiting_for_the_read_models_holds_no_connection() {
        int held = activeConnectionsWhileHandling(new AwaitReadModelsQuery(UUID.randomUUID().toString(), 1_000));

        assertThat(held).isZero();
    }

    @Test
    void every_other_message_runs_in_a_transaction_with_its_connection() {
        int held = activeConnectionsWhileHandling("any other query");

        assertThat(held).isEqualTo(1);
    }

    private int activeConnectionsWhileHandling(Object query) {
        AtomicInteger held = new AtomicInteger(-1);
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(
                new GenericQueryMessage<>(query, ResponseTypes.instanceOf(Boolean.class)));
        try {
            Transaction transaction = transactions.startTransaction();
            held.set(pool.getHikariPoolMXBean().getActiveConnections());
            transaction.commit();
        } finally {
            unitOfWork.commit();
        }
        return held.get();
    }
}
