package nrw.komman.web.coordination;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.coordination.CoordinationRules;
import nrw.komman.web.platform.StrictIntegerDeserializer;

import java.time.LocalDate;
import java.util.List;

import static nrw.komman.web.platform.Messages.REQUIRED;
import static nrw.komman.web.platform.Messages.TOO_LONG;
import static nrw.komman.web.platform.Messages.TOO_MANY;

/** The bodies of the API's requests about requests for help and their assignments, with the kernel's field names. */
final class AssignmentRequests {

    private AssignmentRequests() {
    }

    /** Ask one volunteer, or replace an assignment by another volunteer. */
    public record AskVolunteerRequest(@NotNull(message = REQUIRED) @Size(max = 36, message = TOO_LONG) String volunteerId) {
    }

    /** Offer the open places to several at once. */
    public record OfferToVolunteersRequest(@NotEmpty(message = REQUIRED) @Size(max = CoordinationRules.MAX_OFFERS, message = TOO_MANY)
                               List<@NotNull(message = REQUIRED) @Size(max = 36, message = TOO_LONG) String> volunteerIds) {
    }

    /** A reason: required to cancel a request or a confirmed assignment, optional for a decline. */
    public record AssignmentReasonRequest(@Size(max = 500, message = TOO_LONG) String reason) {
    }

    public record ReplaceAssignmentRequest(@NotNull(message = REQUIRED) @Size(max = 36, message = TOO_LONG) String volunteerId,
                                     @Size(max = 500, message = TOO_LONG) String reason) {
    }

    /** @param minutes what the volunteer gave that day, 1 to 1440; the request's minutes when left out */
    public record AssignmentTookPlaceRequest(@NotNull(message = REQUIRED) LocalDate day,
                                   @JsonDeserialize(using = StrictIntegerDeserializer.class) Integer minutes) {
    }

    public record AssignmentNoShowRequest(@NotNull(message = REQUIRED) LocalDate day) {
    }
}
