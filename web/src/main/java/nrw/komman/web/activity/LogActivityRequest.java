package nrw.komman.web.activity;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.activity.LogActivityCommand;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.web.platform.Ids;
import nrw.komman.web.platform.StrictIntegerDeserializer;

import java.time.LocalDate;

import static nrw.komman.web.platform.Messages.REQUIRED;
import static nrw.komman.web.platform.Messages.TOO_LONG;

/**
 * @param date     when (ISO-8601 date), not in the future
 * @param minutes  duration in whole minutes, 1 to 1440
 * @param grantId  optional: the approved grant that funds the measure
 */
public record LogActivityRequest(
        @NotNull(message = REQUIRED) LocalDate date,
        @NotNull(message = REQUIRED) @Min(value = 1, message = "muss mindestens 1 Minute sein")
        @Max(value = 1440, message = "darf höchstens 1440 Minuten (24 Stunden) sein")
        @JsonDeserialize(using = StrictIntegerDeserializer.class) Integer minutes,
        @NotNull(message = REQUIRED) ActivityCategory category,
        @Size(max = 500, message = TOO_LONG) String note,
        @Size(max = 36, message = TOO_LONG) String grantId) {

    public LogActivityCommand toCommand(VolunteerId volunteerId, ActivityId activityId) {
        return new LogActivityCommand(volunteerId, activityId, date, minutes == null ? 0 : minutes, category, note,
                Ids.optionalGrant("grantId", grantId));
    }
}
