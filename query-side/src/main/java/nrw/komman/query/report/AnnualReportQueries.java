package nrw.komman.query.report;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.report.AnnualReport;
import nrw.komman.kernel.report.FetchAnnualReportQuery;
import nrw.komman.query.common.ReadAccess;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/**
 * Answers the annual report by replaying the event store from its first event up to the head as it
 * stood when the query arrived, counting only the events recorded before the cut-off. It reads the
 * events, not the read models: a report of a past day stays the same whatever happened since, and a
 * rebuild of the read models cannot change it (ADR 10).
 */
@Component
public class AnnualReportQueries {

    /** How long to wait for the next event of a stream that has not reached the head yet. */
    private static final int NEXT_EVENT_TIMEOUT_SECONDS = 10;
    /** A replay reports its progress after this many events. */
    static final long PROGRESS_EVERY = 10_000;
    /** Replays at once on this node, answered directly; more wait briefly, then get a 503 (background jobs queue). */
    private static final int DIRECT_REPLAYS = 2;
    private final EventStore eventStore;
    private final java.util.concurrent.Semaphore direct = new java.util.concurrent.Semaphore(DIRECT_REPLAYS);

    public AnnualReportQueries(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Hears how far a replay got: events read so far of about how many (exact once it is done). */
    @FunctionalInterface
    interface Progress {
        void reached(long eventsRead, long eventsTotal);
    }

    @QueryHandler
    public AnnualReport handle(FetchAnnualReportQuery query, MetaData metaData) throws InterruptedException {
        CentreId scope = ReadAccess.reportScope(ReadAccess.actor(metaData), query.centreId());
        if (!direct.tryAcquire(2, TimeUnit.SECONDS)) {
            throw busy("too many direct reports at once on this node");
        }
        try {
            return compute(query, scope, (read, total) -> {
            });
        } finally {
            direct.release();
        }
    }

    /** The position of the newest stored event, -1 for an empty store. */
    long headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /** The report of {@code scope} (null: the state), replayed from the events; the caller has checked the rights. */
    AnnualReport compute(FetchAnnualReportQuery query, CentreId scope, Progress progress) throws InterruptedException {
        AnnualReportFold fold = new AnnualReportFold(query.fundingYear(), scope);
        long headPosition = headPosition();
        long read = 0;
        long first = -1;
        long last = -1;
        if (headPosition >= 0) {
            try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
                while (stream.hasNextAvailable(NEXT_EVENT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    long position = event.trackingToken().position().orElse(-1);
                    first = first < 0 ? position : first;
                    last = position;
                    if (event.getTimestamp().isBefore(query.cutOff())) {
                        fold.apply(event.getPayload(), position);
                    } else {
                        fold.recordedLater(event.getPayload());
                    }
                    if (++read % PROGRESS_EVERY == 0) {
                        // positions may have gaps: the estimate is never below what was read
                        progress.reached(read, Math.max(read, headPosition - first + 1));
                    }
                    if (position >= headPosition) {
                        break;
                    }
                }
            }
        }
        if (last < headPosition) {
            // the store stopped delivering before the head: a report of part of the events would look complete
            throw busy("the event store delivered up to " + last + " of " + headPosition);
        }
        progress.reached(read, read);
        return fold.report(query.asOf(), query.cutOff());
    }

    /** Answered as 503 (service unavailable, try again shortly): the web maps a timeout in the cause chain so. */
    private static java.util.concurrent.CompletionException busy(String why) {
        return new java.util.concurrent.CompletionException(new java.util.concurrent.TimeoutException(why));
    }
}
