package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/**
 * The centre's active volunteers ranked for a request. Those booked at an overlapping time or away on one of its
 * days are not offered, only counted.
 */
public record VolunteerMatches(HelpRequestId requestId, List<VolunteerMatch> matches, int notOfferedAsBooked,
                               int notOfferedAsAway) {
}
