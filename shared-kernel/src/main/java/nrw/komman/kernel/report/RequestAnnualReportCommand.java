package nrw.komman.kernel.report;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.grant.FundingYear;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Asks for the annual report to be computed in the background as job {@code jobId}: the same report as
 * {@link FetchAnnualReportQuery}, with visible progress, kept for later download by everyone who may read it.
 */
public record RequestAnnualReportCommand(String jobId, int fundingYear, LocalDate asOf, Instant cutOff, CentreId centreId) {

    public RequestAnnualReportCommand {
        try {
            UUID.fromString(jobId);
        } catch (RuntimeException e) {
            throw new InvalidInputException("report.job.id", "Die Kennung des Berichtsauftrags ist ungültig.");
        }
        FundingYear.validate(fundingYear);
        if (asOf == null || cutOff == null) {
            throw new InvalidInputException("report.as-of.missing", "Bitte den Stichtag des Berichts angeben.");
        }
        cutOff = cutOff.truncatedTo(ChronoUnit.MICROS); // what every database keeps of an instant: the same report everywhere
    }

    /** The report this job computes. */
    public FetchAnnualReportQuery query() {
        return new FetchAnnualReportQuery(fundingYear, asOf, cutOff, centreId);
    }
}
