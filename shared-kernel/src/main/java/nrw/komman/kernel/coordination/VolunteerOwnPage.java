package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/**
 * The volunteer's own page: their name, centre, upcoming assignments, hours, and availability.
 *
 * @param totals minutes per year and category, withdrawn activities not counted
 */
public record VolunteerOwnPage(VolunteerId volunteerId, CentreId centreId, String centreName, String name,
                               Availability availability, List<AssignmentView> upcoming, List<CertificateLine> totals) {
}
