package nrw.komman.web.platform;

import nrw.komman.kernel.admin.AwaitReadModelsQuery;
import nrw.komman.kernel.common.Refusal;
import nrw.komman.web.platform.problem.ServiceUnavailableException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one way controllers send commands. {@link #sendAndAwait} gives read-your-writes: after the
 * command succeeded it asks the application to wait (no sleep) until the read models have processed
 * every event of the aggregate, so the same client's next read shows its effect.
 */
@Component
public class CommandDispatcher {

    private static final Logger log = LoggerFactory.getLogger(CommandDispatcher.class);

    private final CommandGateway commandGateway;
    private final QueryGateway queryGateway;
    private final long commandTimeoutMillis;
    private final long readModelsTimeoutMillis;

    public CommandDispatcher(CommandGateway commandGateway, QueryGateway queryGateway, WebProperties properties,
                             ReadYourWritesProperties readYourWrites) {
        this.commandGateway = commandGateway;
        this.queryGateway = queryGateway;
        this.commandTimeoutMillis = properties.api().commandTimeout().toMillis();
        this.readModelsTimeoutMillis = readYourWrites.timeout().toMillis();
    }

    /** Sends the command, waits for its result, then for the read models to catch up with the aggregate. */
    public <R> R sendAndAwait(Object command, Object aggregateId) {
        R result = send(command);
        awaitReadModels(aggregateId.toString());
        return result;
    }

    /** Sends the command and waits for its result only (for commands whose effect is not a read model row). */
    public <R> R send(Object command) {
        try {
            return commandGateway.<R>send(command).get(commandTimeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CompletionException e) {
            throw unwrap(e);
        } catch (TimeoutException e) {
            throw new ServiceUnavailableException("command timed out: " + command.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("interrupted while waiting for a command", e);
        }
    }

    /**
     * Waits until the read models show every event of the aggregate. Never fails the request: the
     * command has succeeded, and an error here would invite the client to repeat it. A timeout or a
     * missing answer is logged.
     */
    void awaitReadModels(String aggregateId) {
        try {
            Boolean caughtUp = queryGateway.query(new AwaitReadModelsQuery(aggregateId, readModelsTimeoutMillis),
                            ResponseTypes.instanceOf(Boolean.class))
                    .get(readModelsTimeoutMillis + 2_000, TimeUnit.MILLISECONDS);
            if (!Boolean.TRUE.equals(caughtUp)) {
                log.warn("Read models did not catch up with aggregate {} within {} ms", aggregateId, readModelsTimeoutMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("Could not wait for the read models of aggregate {}: {}", aggregateId, e.toString());
        }
    }

    static RuntimeException unwrap(Exception e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        while ((cause instanceof ExecutionException || cause instanceof CompletionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof HandlerExecutionException remote && remote.getDetails().orElse(null) instanceof Refusal refusal) {
            return refusal.toException(); // refused on another node (Axon Server): the same exception as in one process
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new CompletionException(cause);
    }
}
