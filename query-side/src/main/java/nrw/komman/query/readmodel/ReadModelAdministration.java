package nrw.komman.query.readmodel;

import nrw.komman.query.readmodel.rebuild.ReadModelRebuilds;
import nrw.komman.kernel.access.Action;
import nrw.komman.kernel.access.Permissions;
import nrw.komman.kernel.admin.FetchReadModelStatusQuery;
import nrw.komman.kernel.admin.ReadModelStatus;
import nrw.komman.kernel.admin.RebuildReadModelsCommand;
import nrw.komman.kernel.common.Actor;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Lets an administrator see every event processor's state and rebuild all read models by replaying
 * the whole event store into a new generation of their tables, without stopping the current ones
 * ({@link ReadModelRebuilds}, ADR 11).
 */
@Component
public class ReadModelAdministration {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final SegmentTokens segmentTokens;
    private final ReadModelRebuilds rebuilds;

    public ReadModelAdministration(EventProcessingConfiguration processing, EventStore eventStore, SegmentTokens segmentTokens,
                                   ReadModelRebuilds rebuilds) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.segmentTokens = segmentTokens;
        this.rebuilds = rebuilds;
    }

    @QueryHandler
    public List<ReadModelStatus> status(FetchReadModelStatusQuery query, MetaData metaData) {
        requireAdministrator(metaData);
        return statusOfAll();
    }

    /** Every processor's state, for the administrators' query and the node's readiness. */
    public List<ReadModelStatus> statusOfAll() {
        long head = headPosition();
        return streamingProcessors().stream().map(p -> status(p, head)).toList();
    }

    @CommandHandler
    public void rebuild(RebuildReadModelsCommand command, MetaData metaData) {
        requireAdministrator(metaData);
        rebuilds.rebuildAll();
    }

    List<StreamingEventProcessor> streamingProcessors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .sorted(Comparator.comparing(StreamingEventProcessor::getName))
                .toList();
    }

    /**
     * Position and replay state over every segment in the token table, not only those this node has
     * claimed: a processor is caught up when its slowest segment is, whichever node owns it.
     */
    private ReadModelStatus status(StreamingEventProcessor p, long head) {
        Map<Integer, TrackingToken> tokens = segmentTokens.of(p);
        long position = tokens.values().stream()
                .mapToLong(token -> token == null ? -1 : token.position().orElse(-1))
                .min().orElse(-1);
        boolean replaying = tokens.values().stream().anyMatch(ReplayToken.class::isInstance);
        boolean error = p.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState);
        return new ReadModelStatus(p.getName(), p.isRunning(), replaying, error, tokens.size(), position, head,
                rebuilds.tablesOf(p.getName()), rebuilds.latest(p.getName()).orElse(null));
    }

    private long headPosition() {
        TrackingToken head = eventStore.createHeadToken(); // once: each call is a query (every probe and scrape asks)
        return head == null ? -1 : head.position().orElse(-1);
    }

    private static void requireAdministrator(MetaData metaData) {
        Permissions.require(Actor.fromMetaData(metaData), Action.MANAGE_READ_MODELS);
    }
}
