package nrw.komman.web.platform;

import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.web.platform.problem.ServiceUnavailableException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The one way controllers ask queries: waits with a timeout, unwraps Axon's futures, turns "nothing" into 404. */
@Component
public class QueryDispatcher {

    private final QueryGateway queryGateway;
    private final long timeoutMillis;

    public QueryDispatcher(QueryGateway queryGateway, WebProperties properties) {
        this.queryGateway = queryGateway;
        this.timeoutMillis = properties.api().commandTimeout().toMillis();
    }

    /** One answer; a handler answering null or an empty Optional means the thing does not exist. */
    public <R> R one(Object query, Class<R> type, String notFoundCode, String notFoundMessage) {
        return optional(query, type).orElseThrow(() -> new NotFoundException(notFoundCode, notFoundMessage));
    }

    public <R> Optional<R> optional(Object query, Class<R> type) {
        Object answer = await(queryGateway.query(query, ResponseTypes.instanceOf(type)));
        if (answer instanceof Optional<?> optional) {
            answer = optional.orElse(null);
        }
        return Optional.ofNullable(type.cast(answer));
    }

    public <R> List<R> list(Object query, Class<R> type) {
        List<R> answer = await(queryGateway.query(query, ResponseTypes.multipleInstancesOf(type)));
        return answer == null ? List.of() : answer;
    }

    private <T> T await(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CompletionException e) {
            throw CommandDispatcher.unwrap(e);
        } catch (TimeoutException e) {
            throw new ServiceUnavailableException("query timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("interrupted while waiting for a query", e);
        }
    }
}
