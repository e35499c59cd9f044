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
 * activities with the reasons of their corrections and withdrawals. After erasure the personal fields
 * (the consent's document and the reasons included) are null and {@code erased} is true.
 */
public record VolunteerDataExport(VolunteerId volunteerId, CentreId centreId, String centreName, boolean erased,
                                  VolunteerStatus status, LocalDate registeredOn, String name, String email, String phone,
                                  String availability, Set<String> languages, Set<ActivityCategory> interests,
                                  List<ConsentEntry> consents, List<ActivityEntry> activities, Instant exportedAt) {

    /** One consent: what was agreed to, which version, when; and when it was withdrawn, if so. */
    public record ConsentEntry(String document, String version, Instant givenAt, Instant withdrawnAt) {
    }

    /**
     * One activity as recorded now (after corrections); withdrawn ones are included and marked, with every correction
     * and the withdrawal and their reasons, oldest first (ADR 21).
     */
    public record ActivityEntry(String activityId, LocalDate date, int minutes, ActivityCategory category, String note,
                                String grantId, boolean corrected, boolean withdrawn, List<ChangeEntry> changes) {

        public ActivityEntry {
            changes = changes == null ? List.of() : List.copyOf(changes);
        }

        /** An activity without its corrections and withdrawal listed. */
        public ActivityEntry(String activityId, LocalDate date, int minutes, ActivityCategory category, String note,
                             String grantId, boolean corrected, boolean withdrawn) {
            this(activityId, date, minutes, category, note, grantId, corrected, withdrawn, List.of());
        }
    }

    /** A correction or the withdrawal of an activity: when, and why (null after erasure, or if none was kept). */
    public record ChangeEntry(ChangeKind kind, Instant recordedAt, String reason) {
    }

    /** What was done to an activity. */
    public enum ChangeKind { CORRECTION, WITHDRAWAL }
}
