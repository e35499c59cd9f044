package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/** A volunteer proposed for a request, with their score (higher is better) and the reasons. */
public record VolunteerMatch(VolunteerId volunteerId, String name, int score, List<MatchReason> reasons) {
}
