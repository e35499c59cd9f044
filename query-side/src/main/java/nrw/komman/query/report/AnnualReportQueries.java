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
 * rebuild of the read models cannot change it.
 */
@Component
public class AnnualReportQueries {

    /** How long to wait for the next event of a stream that has not reached the head yet. */
    private static final long NEXT_EVENT_TIMEOUT_SECONDS = 10;
    private final EventStore eventStore;

    public AnnualReportQueries(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @QueryHandler
    public AnnualReport handle(FetchAnnualReportQuery query, MetaData metaData) throws InterruptedException {
        CentreId scope = ReadAccess.reportScope(ReadAccess.actor(metaData), query.centreId());
        AnnualReportFold fold = new AnnualReportFold(query.fundingYear(), scope);
        TrackingToken head = eventStore.createHeadToken();
        long headPosition = head == null ? -1 : head.position().orElse(-1);
        if (headPosition >= 0) {
            try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
                while (stream.hasNextAvailable((int) NEXT_EVENT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    long position = event.trackingToken().position().orElse(-1);
                    if (event.getTimestamp().isBefore(query.cutOff())) {
                        fold.apply(event.getPayload(), position);
                    }
                    if (position >= headPosition) {
                        break;
                    }
                }
            }
        }
        return fold.report(query.asOf(), query.cutOff());
    }
}
