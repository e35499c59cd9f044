package nrw.komman.app.config;

import nrw.komman.kernel.admin.AwaitReadModelsQuery;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon's Spring transactions for every message, except the wait for the read models after a
 * command (read-your-writes, {@link AwaitReadModelsQuery}). That query may wait for seconds, and a
 * transaction would hold one of the pool's connections all the while: with a few clients writing at
 * once, the waiting requests held the connections the event processors needed to get the writes into
 * the read models, and every request waited longer (docs/performance.md). Its reads need no
 * transaction; each statement takes a connection for a moment.
 */
public class AxonTransactionManager extends SpringTransactionManager {

    private static final Transaction NONE = new Transaction() {
        @Override
        public void commit() {
        }

        @Override
        public void rollback() {
        }
    };

    public AxonTransactionManager(PlatformTransactionManager transactionManager) {
        super(transactionManager);
    }

    @Override
    public Transaction startTransaction() {
        return waitingForReadModels() ? NONE : super.startTransaction();
    }

    /** By the query's type: an event's payload is not deserialized just to start its transaction. */
    private static boolean waitingForReadModels() {
        return CurrentUnitOfWork.map(unitOfWork -> unitOfWork.getMessage() instanceof QueryMessage<?, ?> query
                && AwaitReadModelsQuery.class.equals(query.getPayloadType())).orElse(false);
    }
}
