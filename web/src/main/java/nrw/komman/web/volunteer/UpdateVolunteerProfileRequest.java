package nrw.komman.web.volunteer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.volunteer.PersonalData;
import nrw.komman.kernel.volunteer.UpdateVolunteerProfileCommand;
import nrw.komman.kernel.volunteer.VolunteerId;

import java.util.Set;

import static nrw.komman.web.platform.Messages.REQUIRED;
import static nrw.komman.web.platform.Messages.TOO_LONG;
import static nrw.komman.web.platform.Messages.TOO_MANY;

/** The whole new profile (PUT replaces it). */
public record UpdateVolunteerProfileRequest(
        @NotBlank(message = REQUIRED) @Size(max = 200, message = TOO_LONG) String name,
        @Size(max = 254, message = TOO_LONG) String email,
        @Size(max = 30, message = TOO_LONG) String phone,
        @Size(max = 500, message = TOO_LONG) String availability,
        @Size(max = 30, message = TOO_MANY) Set<@NotBlank(message = REQUIRED) @Size(max = 3, message = TOO_LONG) String> languages,
        @Size(max = 20, message = TOO_MANY) Set<@NotNull(message = REQUIRED) ActivityCategory> interests) {

    public UpdateVolunteerProfileCommand toCommand(VolunteerId volunteerId) {
        return new UpdateVolunteerProfileCommand(volunteerId,
                new PersonalData(name, email, phone, availability, languages, interests));
    }
}
