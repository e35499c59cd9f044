package nrw.komman.query.privacy;

import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.privacy.FindRetentionRunsQuery;
import nrw.komman.kernel.privacy.RetentionRunRecordedEvent;
import nrw.komman.kernel.privacy.RetentionRunSummary;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.query.support.ReadSide;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static nrw.komman.query.support.ReadSide.ADMINISTRATOR;
import static nrw.komman.query.support.ReadSide.COORDINATOR_KOELN;
import static nrw.komman.query.support.ReadSide.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The past retention runs the administrators' page lists (ADR 39): by hand and on the platform's schedule. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RetentionRunsTest {

    private final ReadSide readSide = new ReadSide();
    private final RetentionRunQueries queries = new RetentionRunQueries(readSide.jdbc);

    @Test
    void every_run_is_listed_once_newest_first_with_who_started_it_and_what_it_did() {
        readSide.publish(new RetentionRunRecordedEvent("2025-06-01-7f3a9c1b", LocalDate.of(2025, 6, 1), 3, 5,
                List.of(VolunteerId.random(), VolunteerId.random()), 1), ADMINISTRATOR);
        RetentionRunRecordedEvent scheduled = new RetentionRunRecordedEvent("2025-06-02-scheduled023000",
                LocalDate.of(2025, 6, 2), 3, 5, List.of(), 0);
        DomainEventMessage<?> message = readSide.publish(scheduled, Actor.SYSTEM);
        // delivered again (a replay of a batch): still one row
        readSide.retentionRunProjection.on(scheduled, message.getMetaData(), message.getTimestamp());

        List<RetentionRunSummary> runs = queries.handle(new FindRetentionRunsQuery(), as(ADMINISTRATOR));

        assertThat(runs).extracting(RetentionRunSummary::runId).containsExactly("2025-06-02-scheduled023000", "2025-06-01-7f3a9c1b");
        assertThat(runs.get(0).scheduled()).isTrue();
        assertThat(runs.get(0).startedBy()).isEqualTo("system");
        assertThat(runs.get(0).erased()).isZero();
        assertThat(runs.get(1).scheduled()).isFalse();
        assertThat(runs.get(1).startedBy()).isEqualTo(ADMINISTRATOR.account());
        assertThat(runs.get(1).erased()).isEqualTo(2);
        assertThat(runs.get(1).grantFilesDue()).isEqualTo(1);
        assertThat(runs.get(1).runOn()).isEqualTo(LocalDate.of(2025, 6, 1));
    }

    @Test
    void only_administrators_see_the_runs() {
        assertThatThrownBy(() -> queries.handle(new FindRetentionRunsQuery(), as(COORDINATOR_KOELN)))
                .isInstanceOf(ForbiddenException.class);
        assertThat(queries.handle(new FindRetentionRunsQuery(), MetaData.from(ADMINISTRATOR.toMetaData()))).isNotNull();
    }
}
