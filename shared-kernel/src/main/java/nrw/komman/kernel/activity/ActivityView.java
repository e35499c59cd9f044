package nrw.komman.kernel.activity;

import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/** One logged activity as its centre sees it. */
public record ActivityView(ActivityId activityId, VolunteerId volunteerId, CentreId centreId, String volunteerName, LocalDate date, int minutes, ActivityCategory category, String note, GrantId grantId, boolean withdrawn, boolean corrected, Instant loggedAt) {
}
