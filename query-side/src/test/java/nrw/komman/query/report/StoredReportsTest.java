package nrw.komman.query.report;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.activity.ActivityLoggedEvent;
import nrw.komman.kernel.centre.CentreEstablishedEvent;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.Regierungsbezirk;
import nrw.komman.kernel.report.AnnualReport;
import nrw.komman.kernel.report.AnnualReportCanonicalForm;
import nrw.komman.kernel.report.ReportFigures;
import nrw.komman.kernel.volunteer.VolunteerId;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports stored by background jobs before the overdue usage reports were counted (issue 19) still load, and their
 * checksum is still the one of their canonical text: the new column is written only when a report counts it.
 */
class StoredReportsTest {

    private static final CentreId KOELN = new CentreId("05315");
    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    private AnnualReport report() {
        AnnualReportFold fold = new AnnualReportFold(2026, null);
        fold.apply(new CentreEstablishedEvent(KOELN, "Köln", "kreisfreie Stadt", Regierungsbezirk.KOELN, LocalDate.of(2013, 1, 1)), 1);
        fold.apply(new ActivityLoggedEvent(ActivityId.random(), VolunteerId.random(), KOELN, LocalDate.of(2026, 3, 1), 45,
                ActivityCategory.OTHER, null, null), 2);
        return fold.report(LocalDate.of(2026, 12, 31), Instant.parse("2026-12-31T23:00:00Z"));
    }

    /** The report as one made before issue 19: every figure without the overdue count, its checksum of those lines. */
    private static AnnualReport asBefore(AnnualReport r) {
        AnnualReport old = new AnnualReport(r.fundingYear(), r.asOf(), r.cutOff(), r.centreId(), r.lastEventPosition(),
                r.eventsIncluded(), withoutOverdue(r.total()),
                r.regions().stream().map(g -> new AnnualReport.Region(g.regierungsbezirk(), g.centres(), withoutOverdue(g.figures()))).toList(),
                r.centres().stream().map(c -> new AnnualReport.Centre(c.centreId(), c.name(), c.regierungsbezirk(), withoutOverdue(c.figures()))).toList(),
                r.budgets(), null);
        return AnnualReportFold.withChecksum(old);
    }

    private static ReportFigures withoutOverdue(ReportFigures f) {
        return new ReportFigures(f.activeVolunteers(), f.newVolunteers(), f.activities(), f.minutes(), f.activitiesByCategory(),
                f.minutesByCategory(), f.minutesByMonth(), f.grantsByStatus(), f.requested(), f.approved(), f.disbursed(),
                f.spent(), f.reclaimed(), f.repaid());
    }

    @Test
    void a_report_stored_without_the_overdue_count_loads_with_its_checksum_and_lines_unchanged() {
        AnnualReport old = asBefore(report());
        String json = new String(serializer.serialize(old, byte[].class).getData(), StandardCharsets.UTF_8);
        // what an older job stored: the field did not exist
        String stored = json.replace(",\"usageReportsOverdue\":null", "");
        assertThat(stored).doesNotContain("usageReportsOverdue");

        AnnualReport loaded = serializer.deserialize(new SimpleSerializedObject<>(stored.getBytes(StandardCharsets.UTF_8),
                byte[].class, AnnualReport.class.getName(), null));

        assertThat(loaded).isEqualTo(old);
        assertThat(loaded.total().usageReportsOverdue()).isNull();
        assertThat(AnnualReportCanonicalForm.checksum(loaded)).isEqualTo(old.checksum());
        assertThat(AnnualReportCanonicalForm.text(loaded)).doesNotContain("Verwendungsnachweise überfällig");
    }

    @Test
    void a_new_report_counts_the_overdue_reports_in_its_lines_and_round_trips() {
        AnnualReport now = report();
        assertThat(now.total().usageReportsOverdue()).isZero();
        assertThat(AnnualReportCanonicalForm.text(now)).contains(";Zurückgezahlt;Verwendungsnachweise überfällig\n");
        assertThat(now.checksum()).as("the column changes the lines, so the checksum").isNotEqualTo(asBefore(now).checksum());
        SerializedObject<byte[]> stored = serializer.serialize(now, byte[].class);
        AnnualReport loaded = serializer.deserialize(stored);
        assertThat(loaded).isEqualTo(now);
        assertThat(List.of(loaded.total(), loaded.centres().get(0).figures())).allSatisfy(f ->
                assertThat(f.usageReportsOverdue()).isZero());
    }
}
