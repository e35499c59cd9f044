package nrw.komman.app.readmodel;

import nrw.komman.kernel.admin.AwaitReadModelsQuery;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;

/**
 * Read-your-writes across the cluster: after a command, the web layer asks to wait until every
 * query-side processor has handled the aggregate's latest event. The event's position comes from the
 * event store and the processors' positions from the token table, both in the shared database, so
 * the answer is right whichever node handled the command and whichever node runs the projections.
 */
@Component
public class ReadYourWrites {

    private static final Duration LONGEST_PAUSE = Duration.ofMillis(20);
    private final JdbcTemplate jdbc;
    private final SegmentTokens segments;
    private final ReadModelAdministration administration;

    ReadYourWrites(JdbcTemplate jdbc, SegmentTokens segments, ReadModelAdministration administration) {
        this.jdbc = jdbc;
        this.segments = segments;
        this.administration = administration;
    }

    @QueryHandler
    public Boolean await(AwaitReadModelsQuery query) throws InterruptedException {
        Long position = jdbc.queryForObject(
                "select max(global_index) from domain_event_entry where aggregate_identifier = ?",
                Long.class, query.aggregateIdentifier());
        if (position == null) {
            return true; // nothing written for it: nothing to wait for
        }
        long deadline = System.nanoTime() + Duration.ofMillis(Math.max(0, query.timeoutMillis())).toNanos();
        long pause = 1;
        while (!allProcessorsCover(position)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(pause);
            pause = Math.min(pause * 2, LONGEST_PAUSE.toMillis());
        }
        return true;
    }

    private boolean allProcessorsCover(long position) {
        for (StreamingEventProcessor processor : administration.streamingProcessors()) {
            Map<Integer, TrackingToken> tokens = segments.of(processor);
            if (tokens.isEmpty() || !tokens.values().stream().allMatch(token -> covers(token, position))) {
                return false;
            }
        }
        return true;
    }

    /** A segment has handled the event at {@code position} when it is past it and it is not a gap. */
    static boolean covers(TrackingToken token, long position) {
        if (token == null) {
            return false;
        }
        TrackingToken current = WrappedToken.unwrapLowerBound(token);
        if (current instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return current != null && current.position().orElse(-1) >= position;
    }
}
