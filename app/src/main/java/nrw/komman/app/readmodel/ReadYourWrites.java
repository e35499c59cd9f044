package nrw.komman.app.readmodel;

import nrw.komman.kernel.admin.AwaitReadModelsQuery;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
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
    private final Serializer serializer;
    private final ReadModelAdministration administration;

    public ReadYourWrites(JdbcTemplate jdbc, Serializer serializer, ReadModelAdministration administration) {
        this.jdbc = jdbc;
        this.serializer = serializer;
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

    /**
     * Segments this node processes report their progress in memory, as soon as a batch commits or an
     * event turns out not to concern them; segments of other nodes are read from the token table.
     */
    private boolean allProcessorsCover(long position) {
        for (StreamingEventProcessor processor : administration.streamingProcessors()) {
            Map<Integer, EventTrackerStatus> local = processor.processingStatus();
            List<SegmentToken> stored = jdbc.query(
                    "select segment, token, token_type from token_entry where processor_name = ?",
                    (rs, i) -> new SegmentToken(rs.getInt(1), deserialize(rs.getBytes(2), rs.getString(3))),
                    processor.getName());
            if (stored.isEmpty()) {
                return false;
            }
            for (SegmentToken segment : stored) {
                EventTrackerStatus status = local.get(segment.segment());
                TrackingToken token = status != null ? status.getTrackingToken() : segment.token();
                if (!covers(token, position)) {
                    return false;
                }
            }
        }
        return true;
    }

    private record SegmentToken(int segment, TrackingToken token) {
    }

    private TrackingToken deserialize(byte[] bytes, String type) {
        if (bytes == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
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
