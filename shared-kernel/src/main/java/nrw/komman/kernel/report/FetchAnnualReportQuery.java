package nrw.komman.kernel.report;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.grant.FundingYear;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The annual KOMM-AN report of a funding year as the records stood at {@code cutOff}: only facts recorded
 * before that instant count. {@code asOf} is the "Stand" date it names (the cut-off is the end of that
 * day, or an earlier instant). {@code centreId}: one centre's report, or null for the whole state.
 */
public record FetchAnnualReportQuery(int fundingYear, LocalDate asOf, Instant cutOff, CentreId centreId) {

    public FetchAnnualReportQuery {
        FundingYear.validate(fundingYear);
        if (asOf == null || cutOff == null) {
            throw new InvalidInputException("report.as-of.missing", "Bitte den Stichtag des Berichts angeben.");
        }
        cutOff = cutOff.truncatedTo(ChronoUnit.MICROS); // what every database keeps of an instant: the same report everywhere
    }
}
