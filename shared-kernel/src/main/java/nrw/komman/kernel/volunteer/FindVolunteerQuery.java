package nrw.komman.kernel.volunteer;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;

import java.time.*;
import java.util.*;

/** One volunteer with personal data. Only the centre's coordinators may ask. */
public record FindVolunteerQuery(VolunteerId volunteerId) {
}
