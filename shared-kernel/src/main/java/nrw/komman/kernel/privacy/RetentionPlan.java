package nrw.komman.kernel.privacy;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.volunteer.VolunteerId;

import java.time.LocalDate;
import java.util.List;

/**
 * What the retention rules say today: volunteers whose personal data is due for erasure, and grant files
 * whose keeping period has ended (listed for the records office; grant files hold no volunteer data and are
 * not erased by the platform).
 */
public record RetentionPlan(LocalDate asOf, int inactiveYears, int grantFileYears, List<DueVolunteer> volunteers,
                            List<DueGrantFile> grantFiles) {

    public record DueVolunteer(VolunteerId volunteerId, CentreId centreId, LocalDate inactiveSince) {
    }

    public record DueGrantFile(String grantId, CentreId centreId, int fundingYear, LocalDate reportedOn) {
    }
}
