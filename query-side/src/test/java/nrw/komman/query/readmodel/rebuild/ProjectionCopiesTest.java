package nrw.komman.query.readmodel.rebuild;

import nrw.komman.query.common.RebuildableProjection;
import nrw.komman.query.common.TableNames;
import nrw.komman.query.support.History;
import nrw.komman.query.support.ReadSide;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every projection that takes part in rebuilds keeps ({@link RebuildableProjection}):
 * its copy over the next generation of its tables, fed the whole history, fills exactly those tables
 * with the rows the live projection wrote, and writes nothing to the tables that answer queries.
 * A new projection is added to {@link #projections}.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProjectionCopiesTest {

    private static final int GENERATION = 3;
    private final ReadSide readSide = new ReadSide();
    private final List<RebuildableProjection> projections = List.of(readSide.centreProjection, readSide.volunteerProjection,
            readSide.activityProjection, readSide.activityReasonProjection, readSide.grantProjection, readSide.budgetProjection,
            readSide.helpRequestProjection, readSide.volunteerCoordinationProjection, readSide.programmeDatesProjection,
            readSide.retentionRunProjection);

    @Test
    void the_projections_declare_every_read_model_table_and_none_twice() {
        List<String> declared = projections.stream().flatMap(p -> p.tables().tables().stream()).toList();
        assertThat(declared).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ReadSide.TABLES);
    }

    @Test
    void a_copy_is_a_new_instance_over_the_generation_and_the_live_projection_keeps_its_tables() {
        for (RebuildableProjection live : projections) {
            TableNames current = live.tables();
            RebuildableProjection copy = live.copyOver(current.inGeneration(GENERATION));
            assertThat(copy).as("copy of %s", live.getClass().getSimpleName()).isNotSameAs(live).isExactlyInstanceOf(live.getClass());
            assertThat(copy.tables()).isEqualTo(current.inGeneration(GENERATION));
            assertThat(live.tables()).isEqualTo(current);
            assertThat(current.generation()).isZero();
        }
    }

    @Test
    void the_copies_fill_the_next_generation_with_the_live_rows_and_leave_the_live_tables_alone() {
        new History().record(readSide);
        Map<String, List<Map<String, Object>>> live = History.tables(readSide);
        TableGenerations generations = new TableGenerations(readSide.jdbc.getJdbcTemplate());
        ReadSide.TABLES.forEach(table -> generations.createCopy(table, GENERATION));
        List<AnnotationEventHandlerAdapter> copies = projections.stream()
                .map(p -> new AnnotationEventHandlerAdapter(p.copyOver(p.tables().inGeneration(GENERATION)))).toList();

        readSide.reset(); // the live tables empty: a row a copy wrote there would show
        List<EventMessage<?>> events = readSide.recorded();
        for (int from = 0; from < events.size(); from += 50) {
            inOneBatch(copies, events.subList(from, Math.min(events.size(), from + 50)));
        }

        Map<String, List<Map<String, Object>>> copied = new LinkedHashMap<>();
        for (String table : ReadSide.TABLES) {
            assertThat(readSide.rows(table)).as("rows the copies wrote to the live %s", table).isZero();
            copied.put(table, readSide.jdbc.getJdbcOperations()
                    .queryForList("select * from " + table + TableNames.suffix(GENERATION) + " order by 1, 2"));
        }
        assertThat(copied).isEqualTo(live);
    }

    /** As an event processor hands a batch to its projections: one unit of work, so batched writes happen at its end. */
    private static void inOneBatch(List<AnnotationEventHandlerAdapter> handlers, List<EventMessage<?>> events) {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(new ArrayList<>(events));
        ResultMessage<?> result = batch.executeWithResult(() -> {
            EventMessage<?> event = batch.getMessage();
            for (AnnotationEventHandlerAdapter handler : handlers) {
                if (handler.canHandle(event)) {
                    handler.handle(event);
                }
            }
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        assertThat(result.isExceptional()).as("the batch failed: %s", result.isExceptional() ? result.exceptionResult() : "").isFalse();
    }
}
