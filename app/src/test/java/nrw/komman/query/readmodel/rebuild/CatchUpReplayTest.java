package nrw.komman.query.readmodel.rebuild;

import nrw.komman.query.readmodel.SegmentTokens;
import nrw.komman.app.support.OnH2;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The catch-up of a rebuild (ADR 16) against the real event store and token table: it commits each
 * batch with the tokens of every segment, skips events no handler takes while still moving past them,
 * resumes where a stopped run left off without handling an event twice, and leaves a failed batch
 * uncommitted. Its own application context: the events here are of types only this test knows.
 */
@TestPropertySource(properties = "komman.test.context=catch-up-replay")
class CatchUpReplayTest extends OnH2 {

    record Marker(int n) {
    }

    record Other(int n) {
    }

    /** Records an event only once its batch has committed. */
    static final class Recorder {
        final List<Integer> handled = new CopyOnWriteArrayList<>();
        final int failAt;

        Recorder(int failAt) {
            this.failAt = failAt;
        }

        @EventHandler
        void on(Marker marker) {
            if (marker.n() == failAt) {
                throw new IllegalStateException("marker " + failAt + " fails");
            }
            var root = CurrentUnitOfWork.get().root();
            root.<List<Integer>>getOrComputeResource("recorded", key -> {
                List<Integer> batch = new java.util.ArrayList<>();
                root.afterCommit(u -> handled.addAll(batch));
                return batch;
            }).add(marker.n());
        }
    }

    @Autowired
    EventStore eventStore;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    TransactionManager transactions;
    @Autowired
    SegmentTokens segmentTokens;
    @Autowired
    JdbcTemplate jdbc;

    private List<Long> markers;
    private List<Long> all;

    /** M1..M5, O, M6..M10, O, M11..M15, O, M16..M20, O: 24 events. */
    @BeforeEach
    void publish() {
        if (jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like '%CatchUpReplayTest$Marker'",
                Integer.class) == 0) {
            for (int n = 1; n <= 20; n++) {
                eventStore.publish(GenericEventMessage.asEventMessage(new Marker(n)));
                if (n % 5 == 0) {
                    eventStore.publish(GenericEventMessage.asEventMessage(new Other(n)));
                }
            }
        }
        markers = jdbc.queryForList("""
                select global_index from domain_event_entry where payload_type like '%CatchUpReplayTest$Marker' order by global_index""",
                Long.class);
        all = jdbc.queryForList("select global_index from domain_event_entry where payload_type like '%CatchUpReplayTest$%' order by global_index",
                Long.class);
        assertThat(markers).hasSize(20);
        assertThat(all).hasSize(24);
    }

    private CatchUpReplay catchUp(String name, Recorder recorder) {
        return CatchUpReplay.builder().name(name).segmentCount(2).batchSize(5)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(recorder)
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance()).build()) // as every processor here
                .source(eventStore).tokens(tokenStore).transactions(transactions)
                .build();
    }

    private CatchUpReplay catchUpFromTheTestEvents(String name, Recorder recorder) {
        // start right before the test's first event, so the batches are the ones described above
        transactions.executeInTransaction(() -> tokenStore.initializeTokenSegments(name, 2,
                org.axonframework.eventhandling.GapAwareTrackingToken.newInstance(all.get(0) - 1, List.of())));
        return catchUp(name, recorder);
    }

    private Map<Integer, Long> positions(String name) {
        Map<Integer, TrackingToken> tokens = segmentTokens.of(name, Map.of());
        return tokens.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue() == null ? -1 : e.getValue().position().orElse(-1)));
    }

    @Test
    void a_stopped_catch_up_resumes_from_its_tokens_and_handles_every_event_once_in_order() {
        Recorder recorder = new Recorder(-1);
        BooleanSupplier afterTwoBatches = () -> recorder.handled.size() >= 9;
        long read = catchUpFromTheTestEvents("catch-up-resumed", recorder).run(afterTwoBatches);

        assertThat(read).as("two batches of five read events").isEqualTo(10);
        assertThat(recorder.handled).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(positions("catch-up-resumed")).as("every segment at the tenth event, past the skipped one")
                .isEqualTo(Map.of(0, all.get(9), 1, all.get(9)));

        long rest = catchUp("catch-up-resumed", recorder).run(() -> false);

        assertThat(rest).isEqualTo(14);
        assertThat(recorder.handled).containsExactlyElementsOf(IntStream.rangeClosed(1, 20).boxed().toList());
        assertThat(positions("catch-up-resumed")).as("every segment past the last event, a skipped one")
                .isEqualTo(Map.of(0, all.get(23), 1, all.get(23)));
        assertThat(jdbc.queryForList("select owner from token_entry where processor_name = 'catch-up-resumed'", String.class))
                .as("the claims are released for the pooled processor").containsOnlyNulls();
    }

    @Test
    void a_failing_batch_commits_nothing_and_the_tokens_stay_after_the_last_good_batch() {
        Recorder recorder = new Recorder(12); // in the third batch: M10, O, M11, M12, M13
        CatchUpReplay failing = catchUpFromTheTestEvents("catch-up-failing", recorder);

        assertThatThrownBy(() -> failing.run(() -> false)).hasStackTraceContaining("marker 12 fails");

        assertThat(recorder.handled).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(positions("catch-up-failing")).isEqualTo(Map.of(0, all.get(9), 1, all.get(9)));
        assertThat(jdbc.queryForList("select owner from token_entry where processor_name = 'catch-up-failing'", String.class))
                .containsOnlyNulls();
    }

    @Test
    void a_processor_whose_segments_went_separate_ways_is_left_to_the_pooled_processor() {
        String name = "catch-up-diverged";
        transactions.executeInTransaction(() -> {
            tokenStore.initializeTokenSegments(name, 2, null);
            tokenStore.fetchToken(name, 0);
            tokenStore.storeToken(org.axonframework.eventhandling.GapAwareTrackingToken.newInstance(all.get(3), List.of()), name, 0);
            tokenStore.releaseClaim(name, 0);
        });
        Recorder recorder = new Recorder(-1);

        assertThat(catchUp(name, recorder).run(() -> false)).isZero();
        assertThat(recorder.handled).isEmpty();
    }
}
