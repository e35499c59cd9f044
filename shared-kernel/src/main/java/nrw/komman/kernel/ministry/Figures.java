package nrw.komman.kernel.ministry;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/** Counts, hours and money of one centre, one region or the state. Never names. */
public record Figures(int activeVolunteers, long minutes, long activities, Map<ActivityCategory, Long> activitiesByCategory, Map<ActivityCategory, Long> minutesByCategory, Map<GrantStatus, Long> grantsByStatus, Money requested, Money approved) {
}
