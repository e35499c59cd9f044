package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/** A volunteer's assignments: the upcoming ones (still to take place, live) or all. */
public record FindVolunteerAssignmentsQuery(VolunteerId volunteerId, boolean upcomingOnly) {

    public FindVolunteerAssignmentsQuery {
        Guard.required(volunteerId, "volunteerId", "Die Kennung der/des Ehrenamtlichen");
    }
}
