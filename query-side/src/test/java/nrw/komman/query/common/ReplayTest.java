package nrw.komman.query.common;

import nrw.komman.kernel.volunteer.FindVolunteerQuery;
import nrw.komman.kernel.volunteer.VolunteerView;
import nrw.komman.query.support.History;
import nrw.komman.query.support.ReadSide;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static nrw.komman.query.support.ReadSide.*;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReplayTest {

    private final ReadSide readSide = new ReadSide();
    private final History history = new History();

    @BeforeEach
    void given_a_realistic_history() {
        history.record(readSide);
    }

    @Test
    void the_reset_handlers_empty_every_table_of_both_processing_groups() {
        for (String table : ReadSide.TABLES) {
            assertThat(readSide.rows(table)).as(table).isPositive();
        }

        readSide.reset();

        for (String table : ReadSide.TABLES) {
            assertThat(readSide.rows(table)).as(table).isZero();
        }
    }

    @Test
    void a_replay_of_the_same_events_gives_identical_answers_and_identical_rows() {
        Map<String, Object> answersBefore = History.answers(readSide);
        Map<String, List<Map<String, Object>>> rowsBefore = History.tables(readSide);

        readSide.resetAndReplay();

        assertThat(History.answers(readSide)).isEqualTo(answersBefore);
        assertThat(History.tables(readSide)).isEqualTo(rowsBefore);
    }

    /** An event processor hands its projections batches of events; batched projections write at a batch's end. */
    @ParameterizedTest(name = "{0} events per batch")
    @ValueSource(ints = {2, 3, 7, 1_000})
    void a_replay_in_batches_gives_the_same_rows_as_one_event_at_a_time(int batchSize) {
        Map<String, Object> answersBefore = History.answers(readSide);
        Map<String, List<Map<String, Object>>> rowsBefore = History.tables(readSide);

        readSide.reset();
        readSide.replayInBatches(batchSize);

        assertThat(History.tables(readSide)).isEqualTo(rowsBefore);
        assertThat(History.answers(readSide)).isEqualTo(answersBefore);
    }

    @Test
    void a_second_rebuild_gives_the_same_again() {
        readSide.resetAndReplay();
        Map<String, Object> once = History.answers(readSide);

        readSide.resetAndReplay();

        assertThat(History.answers(readSide)).isEqualTo(once);
    }

    @Test
    void the_replayed_figures_are_the_expected_ones() {
        readSide.resetAndReplay();

        VolunteerView amira = readSide.volunteers.handle(new FindVolunteerQuery(history.amira), as(COORDINATOR_KOELN));
        assertThat(amira.minutesThisYear()).isEqualTo(100 + 90);
        assertThat(amira.activitiesThisYear()).isEqualTo(2);
        assertThat(amira.languages()).containsExactly("ar", "de", "fr");
    }
}
