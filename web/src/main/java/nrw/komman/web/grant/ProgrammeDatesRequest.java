package nrw.komman.web.grant;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.grant.ProgrammeDates;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.kernel.grant.SetProgrammeDatesCommand;
import nrw.komman.web.platform.StrictIntegerDeserializer;

import static nrw.komman.web.platform.Messages.AT_LEAST;
import static nrw.komman.web.platform.Messages.AT_MOST;
import static nrw.komman.web.platform.Messages.REQUIRED;
import static nrw.komman.web.platform.Messages.TOO_LONG;

/**
 * The dates of a programme part (ministry): the usage report due so many months after the funding year (1–24), the
 * reminder so many weeks before (1–12), the review and the decision within so many weeks (1–26 each); a reason is
 * optional.
 */
public record ProgrammeDatesRequest(
        @NotNull(message = REQUIRED) @Min(value = 1, message = AT_LEAST) @Max(value = 24, message = AT_MOST)
        @JsonDeserialize(using = StrictIntegerDeserializer.class) Integer usageReportMonthsAfterYearEnd,
        @NotNull(message = REQUIRED) @Min(value = 1, message = AT_LEAST) @Max(value = 12, message = AT_MOST)
        @JsonDeserialize(using = StrictIntegerDeserializer.class) Integer reminderWeeksBefore,
        @NotNull(message = REQUIRED) @Min(value = 1, message = AT_LEAST) @Max(value = 26, message = AT_MOST)
        @JsonDeserialize(using = StrictIntegerDeserializer.class) Integer reviewWithinWeeks,
        @NotNull(message = REQUIRED) @Min(value = 1, message = AT_LEAST) @Max(value = 26, message = AT_MOST)
        @JsonDeserialize(using = StrictIntegerDeserializer.class) Integer decisionWithinWeeks,
        @Size(max = 4000, message = TOO_LONG) String reason) {

    public SetProgrammeDatesCommand toCommand(ProgrammePart part) {
        return new SetProgrammeDatesCommand(new ProgrammeDates(part, usageReportMonthsAfterYearEnd, reminderWeeksBefore,
                reviewWithinWeeks, decisionWithinWeeks), reason);
    }
}
