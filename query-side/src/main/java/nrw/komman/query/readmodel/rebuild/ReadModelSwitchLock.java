package nrw.komman.query.readmodel.rebuild;

import nrw.komman.kernel.admin.AwaitReadModelsQuery;
import nrw.komman.kernel.admin.FetchReadModelStatusQuery;
import nrw.komman.kernel.report.FetchAnnualReportQuery;
import nrw.komman.kernel.report.FetchReportJobResultQuery;
import nrw.komman.kernel.report.FindReportJobQuery;
import nrw.komman.kernel.report.FindReportJobsQuery;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryMessage;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Holds this node's queries for the few milliseconds in which a rebuilt generation of tables takes
 * the current tables' names. PostgreSQL needs no help (the swap is one transaction under table
 * locks), but H2 commits each rename on its own, and a query in between would find no table.
 * Queries that read no read-model tables, or that wait on purpose, pass without the lock, so a
 * long report or a read-your-writes wait never holds up a switch.
 */
@Component
public class ReadModelSwitchLock implements MessageHandlerInterceptor<QueryMessage<?, ?>> {

    private static final Set<Class<?>> READ_NO_READ_MODELS = Set.of(AwaitReadModelsQuery.class, FetchReadModelStatusQuery.class,
            FetchAnnualReportQuery.class, FindReportJobQuery.class, FindReportJobsQuery.class, FetchReportJobResultQuery.class);
    private final ReadWriteLock lock = new ReentrantReadWriteLock(true);

    ReadModelSwitchLock(QueryBus queryBus) {
        queryBus.registerHandlerInterceptor(this);
    }

    @Override
    public Object handle(UnitOfWork<? extends QueryMessage<?, ?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (READ_NO_READ_MODELS.contains(unitOfWork.getMessage().getPayloadType())) {
            return chain.proceed();
        }
        lock.readLock().lock();
        try {
            return chain.proceed();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs the swap while no query of this node reads the read models. */
    void whileSwitching(Runnable swap) {
        lock.writeLock().lock();
        try {
            swap.run();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
