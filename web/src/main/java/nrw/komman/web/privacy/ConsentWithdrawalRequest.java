package nrw.komman.web.privacy;

import jakarta.validation.constraints.NotNull;
import nrw.komman.kernel.privacy.WithdrawConsentCommand;
import nrw.komman.kernel.volunteer.VolunteerId;

import java.time.Instant;

import static nrw.komman.web.platform.Messages.REQUIRED;

/** @param withdrawnAt when the volunteer withdrew consent (ISO-8601 instant, e.g. 2026-03-01T09:30:00Z); not in the future */
public record ConsentWithdrawalRequest(@NotNull(message = REQUIRED) Instant withdrawnAt) {

    public WithdrawConsentCommand toCommand(VolunteerId volunteerId) {
        return new WithdrawConsentCommand(volunteerId, withdrawnAt);
    }
}
