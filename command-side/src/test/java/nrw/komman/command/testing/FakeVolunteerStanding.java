package nrw.komman.command.testing;

import nrw.komman.command.coordination.VolunteerStanding;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.volunteer.VolunteerId;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Volunteers' standing as a map, for fixture tests of requests for help. */
public final class FakeVolunteerStanding implements VolunteerStanding {

    private final Map<VolunteerId, Standing> volunteers = new HashMap<>();

    public FakeVolunteerStanding active(VolunteerId volunteerId, CentreId centreId) {
        volunteers.put(volunteerId, new Standing(volunteerId, centreId, true, false));
        return this;
    }

    public FakeVolunteerStanding inactive(VolunteerId volunteerId, CentreId centreId) {
        volunteers.put(volunteerId, new Standing(volunteerId, centreId, false, false));
        return this;
    }

    @Override
    public Optional<Standing> find(VolunteerId volunteerId) {
        return Optional.ofNullable(volunteers.get(volunteerId));
    }
}
