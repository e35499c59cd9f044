package nrw.komman.query.readmodel;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The progress of every segment of a processor, across the cluster: segments this node processes
 * report it in memory (as soon as a batch commits), all others are read from the token table. A node
 * that looked only at its own segments would call a processor caught up while a segment that is not
 * claimed yet, or claimed by another node, still lags behind. When this node processes every segment
 * (one node, or a processor not shared), the table is read at most once a second for the segment
 * list, and the progress comes from memory.
 */
@Component
public class SegmentTokens {

    private static final long SEGMENT_LIST_MAX_AGE_NANOS = 1_000_000_000L;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final Map<String, Set<Integer>> knownSegments = new ConcurrentHashMap<>();
    private final Map<String, Long> readAt = new ConcurrentHashMap<>();

    SegmentTokens(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** Segment number → its token (null: not started yet); empty when the processor has no segments stored. */
    public Map<Integer, TrackingToken> of(StreamingEventProcessor processor) {
        return of(processor.getName(), processor.processingStatus());
    }

    /** As {@link #of(StreamingEventProcessor)}, for a processor by name with the segments this node processes. */
    public Map<Integer, TrackingToken> of(String processorName, Map<Integer, EventTrackerStatus> local) {
        Set<Integer> known = knownSegments.get(processorName);
        if (known != null && !known.isEmpty() && known.stream().allMatch(local::containsKey) && fresh(processorName)) {
            // every segment is this node's: its in-memory progress is the newest there is
            Map<Integer, TrackingToken> tokens = new LinkedHashMap<>();
            known.stream().sorted().forEach(segment -> tokens.put(segment, local.get(segment).getTrackingToken()));
            return tokens;
        }
        Map<Integer, TrackingToken> tokens = new LinkedHashMap<>();
        jdbc.query("select segment, token, token_type from token_entry where processor_name = ? order by segment",
                rs -> {
                    int segment = rs.getInt(1);
                    EventTrackerStatus status = local.get(segment);
                    tokens.put(segment, status != null ? status.getTrackingToken()
                            : deserialize(rs.getBytes(2), rs.getString(3)));
                }, processorName);
        knownSegments.put(processorName, Set.copyOf(tokens.keySet()));
        readAt.put(processorName, System.nanoTime());
        return tokens;
    }

    /** The segment list read from the table within the last second (segments change only by a split or merge). */
    private boolean fresh(String processorName) {
        Long at = readAt.get(processorName);
        return at != null && System.nanoTime() - at < SEGMENT_LIST_MAX_AGE_NANOS;
    }

    private TrackingToken deserialize(byte[] bytes, String type) {
        if (bytes == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
    }
}
