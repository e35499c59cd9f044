package nrw.komman.kernel.privacy;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Everything the platform holds on one volunteer (DSGVO Art. 15): profile, consent history and
 * activities. After erasure the personal fields are null and {@code erased} is true.
 */
public record VolunteerDataExport(VolunteerId volunteerId, CentreId centreId, String centreName, boolean erased,
                                  VolunteerStatus status, LocalDate registeredOn, String name, String email, String phone,
                                  String availability, Set<String> languages, Set<ActivityCategory> interests,
                                  List<ConsentEntry> consents, List<ActivityEntry> activities, Instant exportedAt) {

    /** One consent: what was agreed to, which version, when; and when it was withdrawn, if so. */
    public record ConsentEntry(String document, String version, Instant givenAt, Instant withdrawnAt) {
    }

    /** One activity as recorded now (after corrections); withdrawn ones are included and marked. */
    public record ActivityEntry(String activityId, LocalDate date, int minutes, ActivityCategory category, String note,
                                String grantId, boolean corrected, boolean withdrawn) {
    }
}
