package nrw.komman.query.readmodel;

import nrw.komman.kernel.admin.AwaitReadModelsQuery;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Read-your-writes across the cluster: after a command, the web layer asks to wait until the read
 * models have handled the aggregate's latest event. The event's position comes from the event store
 * and the processors' positions from the token table, both in the shared database, so the answer is
 * right whichever node handled the command and whichever node runs the projections.
 * <p>
 * Only the segments that handle the aggregate's latest events (the last ten: a command may apply
 * several, and another may have appended since) are waited for: the one their sequence (the centre)
 * falls into, in each processor that has a handler for one of them. Other segments change no row
 * because of them, and an idle segment of another node writes its progress only every few seconds.
 * A commit of one of this node's processors wakes the waiting requests at once ({@link ReadModelCommits});
 * between commits they poll with a backoff of up to {@value #LONGEST_PAUSE_MILLIS} ms.
 */
@Component
public class ReadYourWrites {

    private static final long LONGEST_PAUSE_MILLIS = 20;
    /** How many of the aggregate's latest events decide which segments to wait for (more than one command applies). */
    private static final int RECENT_EVENTS = 10;
    private final JdbcTemplate jdbc;
    private final EventStore eventStore;
    private final SegmentTokens segments;
    private final ReadModelAdministration administration;
    private final ReadModelCommits commits;

    ReadYourWrites(JdbcTemplate jdbc, EventStore eventStore, SegmentTokens segments, ReadModelAdministration administration,
                   ReadModelCommits commits) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.segments = segments;
        this.administration = administration;
        this.commits = commits;
    }

    @QueryHandler
    public Boolean await(AwaitReadModelsQuery query) throws InterruptedException {
        List<Map<String, Object>> last = jdbc.queryForList("""
                select global_index, sequence_number from domain_event_entry
                 where aggregate_identifier = ? order by sequence_number desc fetch first 1 rows only""",
                query.aggregateIdentifier());
        if (last.isEmpty()) {
            return true; // nothing written for it: nothing to wait for
        }
        long position = ((Number) last.get(0).get("global_index")).longValue();
        List<DomainEventMessage<?>> recent = recentEvents(query.aggregateIdentifier(), ((Number) last.get(0).get("sequence_number")).longValue());
        long deadline = System.nanoTime() + Duration.ofMillis(Math.max(0, query.timeoutMillis())).toNanos();
        long pause = 1;
        // which segments handle the events: asked once per segment, not on every poll
        Map<List<Object>, Boolean> concerned = new HashMap<>();
        while (true) {
            long seen = commits.seen();
            if (allProcessorsCover(recent, position, concerned)) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            // woken by a local commit at once; polls for segments of other nodes
            commits.awaitNext(seen, pause);
            pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
        }
    }

    /**
     * The aggregate's latest events: the caller's command may have applied several, and another
     * command may have appended after it; any of them may concern a processor the latest one does not.
     */
    private List<DomainEventMessage<?>> recentEvents(String aggregateIdentifier, long lastSequenceNumber) {
        DomainEventStream stream = eventStore.readEvents(aggregateIdentifier, Math.max(0, lastSequenceNumber - RECENT_EVENTS + 1));
        List<DomainEventMessage<?>> events = new ArrayList<>();
        while (stream.hasNext()) {
            events.add(stream.next());
        }
        return events;
    }

    private boolean allProcessorsCover(List<DomainEventMessage<?>> events, long position, Map<List<Object>, Boolean> concerned) {
        for (StreamingEventProcessor processor : administration.streamingProcessors()) {
            Map<Integer, TrackingToken> tokens = segments.of(processor);
            if (tokens.isEmpty()) {
                return false;
            }
            int[] ids = tokens.keySet().stream().mapToInt(Integer::intValue).toArray();
            for (Map.Entry<Integer, TrackingToken> segment : tokens.entrySet()) {
                Segment computed = Segment.computeSegment(segment.getKey(), ids);
                boolean handles = concerned.computeIfAbsent(List.of(processor.getName(), computed.getSegmentId(), computed.getMask()),
                        k -> handlesAny(processor, events, computed));
                if (handles && !covers(segment.getValue(), position)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether this segment of the processor has a handler for one of the events and its sequence falls into it. */
    private static boolean handlesAny(StreamingEventProcessor processor, List<DomainEventMessage<?>> events, Segment segment) {
        if (events.isEmpty() || !(processor instanceof AbstractEventProcessor abstractProcessor)) {
            return true; // cannot tell: wait for every segment
        }
        EventHandlerInvoker invoker = abstractProcessor.eventHandlerInvoker();
        return events.stream().anyMatch(event -> invoker.canHandle(event, segment));
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
