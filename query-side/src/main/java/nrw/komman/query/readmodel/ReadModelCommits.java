package nrw.komman.query.readmodel;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/**
 * Tells read-your-writes the moment one of this node's event processors commits a batch, so a
 * waiting request looks again at once instead of at its next poll. Registered as a handler
 * interceptor on every event processor; it adds one callback per batch.
 */
@Component
public class ReadModelCommits implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String REGISTERED = ReadModelCommits.class.getName();
    private final Object monitor = new Object();
    private long commits;

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        UnitOfWork<?> root = unitOfWork.root();
        if (root.resources().putIfAbsent(REGISTERED, Boolean.TRUE) == null) {
            root.afterCommit(u -> committed());
        }
        return chain.proceed();
    }

    private void committed() {
        synchronized (monitor) {
            commits++;
            monitor.notifyAll();
        }
    }

    /** The number of batches committed so far; pass it to {@link #awaitNext} to wait for a later one. */
    long seen() {
        synchronized (monitor) {
            return commits;
        }
    }

    /** Waits until a batch commits after {@code seen}, or at most {@code millis}. */
    void awaitNext(long seen, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (monitor) {
            while (commits == seen) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return;
                }
                monitor.wait(left);
            }
        }
    }
}
