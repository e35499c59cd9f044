package nrw.komman.web.volunteer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.volunteer.PersonalData;
import nrw.komman.kernel.volunteer.RegisterVolunteerCommand;
import nrw.komman.kernel.volunteer.VolunteerId;

import java.time.LocalDate;
import java.util.Set;

import static nrw.komman.web.platform.Messages.REQUIRED;
import static nrw.komman.web.platform.Messages.TOO_LONG;
import static nrw.komman.web.platform.Messages.TOO_MANY;

/**
 * A volunteer to register. E-mail and/or phone are required (checked by the shared kernel). The registration form
 * warns of a possible duplicate (an active volunteer of the same name); the API registers without that warning,
 * its clients read the roster themselves.
 *
 * @param languages    ISO 639-1 codes, e.g. ["ar", "de"], or ISO 639-3 where a language has none (["prs"] for Dari)
 * @param interests    activity categories the volunteer is interested in
 * @param registeredOn today when absent; an earlier date for volunteers who started before the platform
 * @param emailConsent the consent to be contacted by e-mail, when given (optional; without it no e-mail is sent)
 */
public record RegisterVolunteerRequest(
        @NotBlank(message = REQUIRED) @Size(max = 200, message = TOO_LONG) String name,
        @Size(max = 254, message = TOO_LONG) String email,
        @Size(max = 30, message = TOO_LONG) String phone,
        @Size(max = 500, message = TOO_LONG) String availability,
        @Size(max = 30, message = TOO_MANY) Set<@NotBlank(message = REQUIRED) @Size(max = 3, message = TOO_LONG) String> languages,
        @Size(max = 20, message = TOO_MANY) Set<@NotNull(message = REQUIRED) ActivityCategory> interests,
        @NotNull(message = REQUIRED) @Valid ConsentRequest consent,
        LocalDate registeredOn,
        @Valid ConsentRequest emailConsent) {

    /** A registration without consent to e-mail. */
    public RegisterVolunteerRequest(String name, String email, String phone, String availability, Set<String> languages,
                                    Set<ActivityCategory> interests, ConsentRequest consent, LocalDate registeredOn) {
        this(name, email, phone, availability, languages, interests, consent, registeredOn, null);
    }

    public RegisterVolunteerCommand toCommand(VolunteerId volunteerId, CentreId centreId) {
        return new RegisterVolunteerCommand(volunteerId, centreId,
                new PersonalData(name, email, phone, availability, languages, interests),
                consent == null ? null : consent.toRecord(), registeredOn,
                emailConsent == null ? null : emailConsent.toRecord());
    }
}
