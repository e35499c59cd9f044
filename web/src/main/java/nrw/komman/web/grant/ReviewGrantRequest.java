package nrw.komman.web.grant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.Recommendation;
import nrw.komman.kernel.grant.ReviewGrantCommand;

import static nrw.komman.web.platform.Messages.REQUIRED;
import static nrw.komman.web.platform.Messages.TOO_LONG;

/** The grant authority's review: a recommendation and a note (Prüfvermerk). */
public record ReviewGrantRequest(
        @NotNull(message = REQUIRED) Recommendation recommendation,
        @NotBlank(message = REQUIRED) @Size(max = 4000, message = TOO_LONG) String note) {

    public ReviewGrantCommand toCommand(GrantId grantId) {
        return new ReviewGrantCommand(grantId, recommendation, note);
    }
}
