package nrw.komman.app.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Retries a command that lost a race for its aggregate: another node (or a stale cached copy)
 * appended the same sequence number first, the event store refused the second append, and the
 * whole unit of work, its claims and ledger rows included, was rolled back. The retry loads the
 * aggregate afresh and decides again, so the client sees one answer. Also retried: a command that Axon's lock
 * factory stopped as one of two taking the same two aggregates' locks in opposite orders (a deadlock: recording that
 * an assignment took place locks the request, then the volunteer; deactivating a volunteer locks the volunteer, then
 * its requests, ADR 33), or that the database chose as the victim of a deadlock between two transactions' row locks
 * (two nodes confirming offers of one request at once: each locks its volunteer's row of the booking ledger, then
 * releases the other offers' rows); either was rolled back whole and can decide again once the other is through.
 * Nothing else is
 * retried: a refusal of the domain or any other failure would only fail again (ADR 12).
 */
public class ConflictRetries implements RetryScheduler {

    private static final Logger log = LoggerFactory.getLogger(ConflictRetries.class);
    private final int maxRetries;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "command-conflict-retries");
        thread.setDaemon(true);
        return thread;
    });

    public ConflictRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        if (!isConflict(lastFailure) || failures.size() > maxRetries || CurrentUnitOfWork.isStarted()) {
            // a command sent from inside another one's handling (an activity logged by a request, a cancellation by
            // the leaving-volunteers policy) is not retried alone, outside that unit of work and its transaction:
            // the failure reaches the outer command, which is rolled back and retried as a whole
            return false;
        }
        log.debug("{} lost a race for its aggregate; retry {} of {}", commandMessage.getPayloadType().getSimpleName(),
                failures.size(), maxRetries);
        try {
            // random and growing (up to 10, 20, 40, 80, 160 ms), so nodes that collided do not collide again
            executor.schedule(dispatchTask, ThreadLocalRandom.current().nextLong(1, (10L << Math.min(failures.size() - 1, 6)) + 2),
                    TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    static boolean isConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof DeadlockException
                    || t instanceof PessimisticLockingFailureException) {
                return true;
            }
        }
        return false;
    }
}
