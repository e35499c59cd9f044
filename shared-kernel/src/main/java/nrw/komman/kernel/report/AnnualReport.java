package nrw.komman.kernel.report;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.Regierungsbezirk;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.grant.ProgrammePart;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The annual KOMM-AN report of a funding year, "Stand {@code asOf}", computed by replaying every event
 * recorded before {@code cutOff}. {@code lastEventPosition} is the global position of the last event it
 * includes (never {@code -1}: a date before any event has no report, {@link #NO_DATA}), {@code checksum} the SHA-256 of its canonical form
 * ({@code AnnualReportCanonicalForm}): the same year and cut-off give the same report, byte for byte.
 * {@code centreId} is set for one centre's report; then {@code regions} and {@code budgets} are empty.
 */
public record AnnualReport(int fundingYear, LocalDate asOf, Instant cutOff, CentreId centreId, long lastEventPosition,
                           long eventsIncluded, ReportFigures total, List<Region> regions, List<Centre> centres,
                           List<BudgetLine> budgets, String checksum) {

    /**
     * The code of the answer "Zum Stand … gibt es noch keine Daten" (a {@code NotFoundException}): nothing was
     * recorded as of the date, for the state or for the centre asked for. There is no report of zeros then.
     */
    public static final String NO_DATA = "report.no-data";

    /** The figures of one Regierungsbezirk and how many of its centres the report counts. */
    public record Region(Regierungsbezirk regierungsbezirk, int centres, ReportFigures figures) {
    }

    /** The figures of one centre. */
    public record Centre(CentreId centreId, String name, Regierungsbezirk regierungsbezirk, ReportFigures figures) {
    }

    /**
     * A budget of the funding year and its use: state-wide ({@code centreId} null) or a centre's share;
     * {@code approved} sums the approved amounts of the grants that count against it.
     */
    public record BudgetLine(ProgrammePart programmePart, CentreId centreId, Money budget, Money approved) {
    }
}
