package nrw.komman.web.coordination;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.coordination.HelpRequestId;
import nrw.komman.kernel.coordination.OpenHelpRequestCommand;
import nrw.komman.kernel.coordination.Schedule;
import nrw.komman.web.platform.Ids;
import nrw.komman.web.platform.StrictIntegerDeserializer;
import nrw.komman.web.platform.problem.InvalidFieldException;
import nrw.komman.kernel.common.InvalidInputException;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

import static nrw.komman.web.platform.Messages.REQUIRED;
import static nrw.komman.web.platform.Messages.TOO_LONG;
import static nrw.komman.web.platform.Messages.TOO_MANY;

/**
 * A request for help as the API takes it, with the kernel's field names. The limits (1 to 20 volunteers, minutes
 * within the day's span, a schedule that has a day) are the kernel's, said as 400 with the field.
 *
 * @param languages codes (ISO 639-1, or ISO 639-3 where a language has no two-letter code: Dari {@code prs})
 * @param minutes   how long each occurrence takes a volunteer, whole minutes
 * @param grantId   optional: the approved grant that funds the measure
 */
public record OpenHelpRequestRequest(
        @NotNull(message = REQUIRED) ActivityCategory category,
        @Size(max = 20, message = TOO_MANY) Set<String> languages,
        @NotNull(message = REQUIRED) @Valid ScheduleInput schedule,
        @NotNull(message = REQUIRED) @JsonDeserialize(using = StrictIntegerDeserializer.class) Integer minutes,
        @NotNull(message = REQUIRED) @Size(max = 100, message = TOO_LONG) String municipality,
        @Size(max = 200, message = TOO_LONG) String place,
        @NotNull(message = REQUIRED) @JsonDeserialize(using = StrictIntegerDeserializer.class) Integer volunteersNeeded,
        @NotNull(message = REQUIRED) @Size(max = 200, message = TOO_LONG) String requesterName,
        @Size(max = 200, message = TOO_LONG) String requesterContact,
        @Size(max = 500, message = TOO_LONG) String note,
        @Size(max = 36, message = TOO_LONG) String grantId) {

    /**
     * When: once ({@code lastDay} and {@code weekdays} left out) or on weekdays between two days.
     *
     * @param start local time in NRW, "09:00"
     */
    public record ScheduleInput(@NotNull(message = REQUIRED) LocalDate firstDay, LocalDate lastDay,
                                @Size(max = 7, message = TOO_MANY) Set<DayOfWeek> weekdays,
                                @NotNull(message = REQUIRED) LocalTime start, @NotNull(message = REQUIRED) LocalTime end) {

        Schedule toSchedule() {
            try {
                return new Schedule(firstDay, lastDay, weekdays, start, end);
            } catch (InvalidInputException e) {
                throw new InvalidFieldException("schedule", e);
            }
        }
    }

    OpenHelpRequestCommand toCommand(HelpRequestId requestId, CentreId centre) {
        return new OpenHelpRequestCommand(requestId, centre, category, languages, schedule.toSchedule(), minutes,
                municipality, place, volunteersNeeded, requesterName, requesterContact, note,
                Ids.optionalGrant("grantId", grantId));
    }
}
