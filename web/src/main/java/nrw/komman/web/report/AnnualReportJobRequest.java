package nrw.komman.web.report;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;

/** A background annual report: funding year, "Stand" date or exact cut-off (neither: now), optionally one centre. */
public record AnnualReportJobRequest(@NotNull(message = "Bitte das Förderjahr angeben.") Integer fundingYear,
                                     LocalDate asOf, Instant cutOff,
                                     @Size(max = 12, message = "Der Schlüssel des Zentrums ist zu lang.") String centreId) {
}
