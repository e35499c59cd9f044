package nrw.komman.query.report;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.activity.ActivityCorrectedEvent;
import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.activity.ActivityLoggedEvent;
import nrw.komman.kernel.centre.CentreEstablishedEvent;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.Regierungsbezirk;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.report.AnnualReport;
import nrw.komman.kernel.report.FetchAnnualReportQuery;
import nrw.komman.kernel.volunteer.VolunteerId;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The report handler reads the event store up to its head and counts only what was recorded before the cut-off. */
class AnnualReportQueriesTest {

    private static final CentreId KOELN = new CentreId("05315");
    private static final MetaData MINISTRY = MetaData.from(Actor.of("m.schulz", AccountRole.MINISTRY).toMetaData());
    private final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final AnnualReportQueries queries = new AnnualReportQueries(store);

    @AfterEach
    void stop() {
        store.shutDown();
    }

    private void record(Object event, Instant at) {
        store.publish(new GenericEventMessage<>(GenericEventMessage.asEventMessage(event), () -> at));
    }

    @Test
    void only_facts_recorded_before_the_cut_off_count_and_the_report_names_its_last_position() throws Exception {
        VolunteerId volunteer = VolunteerId.random();
        ActivityId activity = ActivityId.random();
        record(new CentreEstablishedEvent(KOELN, "Köln", "kreisfreie Stadt", Regierungsbezirk.KOELN, LocalDate.of(2013, 1, 1)),
                Instant.parse("2026-01-01T08:00:00Z"));
        record(new ActivityLoggedEvent(activity, volunteer, KOELN, LocalDate.of(2026, 3, 1), 60, ActivityCategory.OTHER, null, null),
                Instant.parse("2026-03-01T10:00:00Z"));
        record(new ActivityCorrectedEvent(activity, volunteer, KOELN, LocalDate.of(2026, 3, 1), 90, ActivityCategory.OTHER, null, null, null, "Dauer"),
                Instant.parse("2026-03-05T10:00:00Z"));

        AnnualReport early = queries.handle(new FetchAnnualReportQuery(2026, LocalDate.of(2026, 3, 2),
                Instant.parse("2026-03-02T23:00:00Z"), null), MINISTRY);
        AnnualReport late = queries.handle(new FetchAnnualReportQuery(2026, LocalDate.of(2026, 3, 31),
                Instant.parse("2026-03-31T22:00:00Z"), null), MINISTRY);

        assertThat(early.total().minutes()).isEqualTo(60);
        assertThat(early.eventsIncluded()).isEqualTo(2);
        assertThat(early.lastEventPosition()).isEqualTo(1);
        assertThat(late.total().minutes()).isEqualTo(90);
        assertThat(late.lastEventPosition()).isEqualTo(2);
        assertThat(queries.handle(new FetchAnnualReportQuery(2026, LocalDate.of(2026, 3, 2),
                Instant.parse("2026-03-02T23:00:00Z"), null), MINISTRY)).isEqualTo(early);
    }

    @Test
    void an_empty_store_gives_no_report_but_the_sentence_that_there_is_no_data_yet_and_a_coordinator_of_another_centre_is_refused() {
        assertThatThrownBy(() -> queries.handle(new FetchAnnualReportQuery(2026, LocalDate.of(2026, 3, 2),
                Instant.parse("2026-03-02T23:00:00Z"), null), MINISTRY))
                .isInstanceOf(NotFoundException.class).hasMessage("Zum Stand 02.03.2026 gibt es noch keine Daten.")
                .extracting(e -> ((NotFoundException) e).code()).isEqualTo(AnnualReport.NO_DATA);

        MetaData viersen = MetaData.from(Actor.coordinator("k.yilmaz", new CentreId("05166")).toMetaData());
        assertThatThrownBy(() -> queries.handle(new FetchAnnualReportQuery(2026, LocalDate.of(2026, 3, 2),
                Instant.parse("2026-03-02T23:00:00Z"), KOELN), viersen)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void a_date_before_the_first_event_gives_the_same_sentence_to_the_state_and_to_a_centre_named_by_its_name() {
        record(new CentreEstablishedEvent(KOELN, "Köln, Stadt", "kreisfreie Stadt", Regierungsbezirk.KOELN, LocalDate.of(2013, 1, 1)),
                Instant.parse("2026-01-01T08:00:00Z"));
        FetchAnnualReportQuery before = new FetchAnnualReportQuery(2025, LocalDate.of(2025, 6, 30), Instant.parse("2025-06-30T22:00:00Z"), null);
        MetaData koeln = MetaData.from(Actor.coordinator("a.becker", KOELN).toMetaData());

        assertThatThrownBy(() -> queries.handle(before, MINISTRY)).isInstanceOf(NotFoundException.class)
                .hasMessage("Zum Stand 30.06.2025 gibt es noch keine Daten.");
        assertThatThrownBy(() -> queries.handle(before, koeln)).isInstanceOf(NotFoundException.class)
                .hasMessage("Zum Stand 30.06.2025 gibt es für das Integrationszentrum Köln, Stadt noch keine Daten.")
                .extracting(e -> ((NotFoundException) e).code()).isEqualTo(AnnualReport.NO_DATA);
        assertThatThrownBy(() -> queries.handle(new FetchAnnualReportQuery(2025, LocalDate.of(2025, 6, 30),
                Instant.parse("2025-06-30T22:00:00Z"), new CentreId("05999")), MINISTRY))
                .as("a key that no centre ever had is named as typed").isInstanceOf(NotFoundException.class)
                .hasMessageContaining("05999");
    }
}
