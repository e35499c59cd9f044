package nrw.komman.web.activity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.activity.WithdrawActivityCommand;
import nrw.komman.kernel.volunteer.VolunteerId;

import static nrw.komman.web.platform.Messages.REQUIRED;
import static nrw.komman.web.platform.Messages.TOO_LONG;

public record WithdrawActivityRequest(@NotBlank(message = REQUIRED) @Size(max = 500, message = TOO_LONG) String reason) {

    public WithdrawActivityCommand toCommand(VolunteerId volunteerId, ActivityId activityId) {
        return new WithdrawActivityCommand(volunteerId, activityId, reason);
    }
}
