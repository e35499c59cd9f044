package nrw.komman.command.testing;

import nrw.komman.command.privacy.RetentionCandidates;
import nrw.komman.command.volunteer.VolunteerRetention;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.volunteer.VolunteerId;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The register of inactive volunteers in memory (the JDBC one is tested against H2 on its own). */
public final class InMemoryVolunteerRetention implements VolunteerRetention, RetentionCandidates {

    private final Map<VolunteerId, InactiveVolunteer> inactive = new LinkedHashMap<>();

    public Optional<LocalDate> inactiveSince(VolunteerId volunteerId) {
        return Optional.ofNullable(inactive.get(volunteerId)).map(InactiveVolunteer::inactiveSince);
    }

    @Override
    public void deactivated(VolunteerId volunteerId, CentreId centreId, LocalDate on) {
        inactive.put(volunteerId, new InactiveVolunteer(volunteerId, centreId, on));
    }

    @Override
    public void reactivated(VolunteerId volunteerId) {
        inactive.remove(volunteerId);
    }

    @Override
    public void erased(VolunteerId volunteerId) {
        inactive.remove(volunteerId);
    }

    @Override
    public List<InactiveVolunteer> inactiveSinceOnOrBefore(LocalDate cutoff) {
        return inactive.values().stream().filter(v -> !v.inactiveSince().isAfter(cutoff))
                .sorted(Comparator.comparing(InactiveVolunteer::inactiveSince)).toList();
    }
}
