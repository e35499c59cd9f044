package nrw.komman.query.readmodel.rebuild;

import nrw.komman.kernel.admin.RebuildProgress;
import nrw.komman.kernel.admin.RebuildProgress.State;
import nrw.komman.query.readmodel.SegmentTokens;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Progress: how far a rebuild has come, as every node reports it (events replayed of the head,
 * events per second, time left), and whether it has caught up with the live processor, which is
 * when its generation may be swapped in. Positions come from the token table, or from memory for
 * the segments this node processes ({@link SegmentTokens}).
 */
final class RebuildProgressReports {

    private final JdbcTemplate jdbc;
    private final SegmentTokens segmentTokens;
    private final RebuildLeases leases;
    private final Clock clock;

    RebuildProgressReports(JdbcTemplate jdbc, SegmentTokens segmentTokens, RebuildLeases leases, Clock clock) {
        this.jdbc = jdbc;
        this.segmentTokens = segmentTokens;
        this.leases = leases;
        this.clock = clock;
    }

    /**
     * The group's latest rebuild with its progress.
     *
     * @param local the replay of that group if this node runs it, else null
     */
    Optional<RebuildProgress> latest(String group, GenerationReplay local) {
        return leases.latest(group).map(lease -> progress(lease, local));
    }

    private RebuildProgress progress(RebuildLeases.Lease lease, GenerationReplay local) {
        long head = headPosition();
        State state = lease.state();
        if (state != State.REPLAYING) {
            return new RebuildProgress(lease.generation(), state, state == State.SWITCHED ? head : -1, head, null, null,
                    lease.started(), lease.finished(), lease.error());
        }
        Map<Integer, EventTrackerStatus> status = local == null ? Map.of() : local.processingStatus();
        long position = lowest(segmentTokens.of(GenerationReplay.processorName(lease.group(), lease.generation()), status));
        double seconds = Math.max(0.001, Duration.between(lease.started(), clock.instant()).toMillis() / 1000.0);
        double rate = (position + 1) / seconds;
        Long left = rate <= 0 ? null : Math.round(Math.max(0, head - position) / rate);
        return new RebuildProgress(lease.generation(), state, position, head, Math.round(rate * 10) / 10.0, left,
                lease.started(), null, null);
    }

    /** Every segment of the new generation is at the head of the stream and not behind the live processor. */
    boolean caughtUp(GenerationReplay replay, StreamingEventProcessor live) {
        Map<Integer, EventTrackerStatus> status = replay.processingStatus();
        if (status.isEmpty() || status.size() < segmentCount(replay.processorName())
                || !status.values().stream().allMatch(EventTrackerStatus::isCaughtUp)) {
            return false;
        }
        long replayed = lowest(segmentTokens.of(replay.processorName(), status));
        long current = lowest(segmentTokens.of(live.getName(), live.processingStatus()));
        return replayed >= current;
    }

    long headPosition() {
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return head == null ? -1 : head;
    }

    /** The processor's segments in the token table (0 before its first start). */
    int segmentCount(String processorName) {
        Integer count = jdbc.queryForObject("select count(*) from token_entry where processor_name = ?", Integer.class, processorName);
        return count == null ? 0 : count;
    }

    private static long lowest(Map<Integer, TrackingToken> tokens) {
        return tokens.values().stream().mapToLong(t -> t == null ? -1 : t.position().orElse(-1)).min().orElse(-1);
    }
}
