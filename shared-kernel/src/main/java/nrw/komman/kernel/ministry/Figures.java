package nrw.komman.kernel.ministry;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/**
 * Counts, hours and money of one centre, one region or the state. Never names. Money: requested and
 * approved (grants by decision), disbursed, spent as reported in usage reports, reclaimed (repayment
 * demanded on closing) and repaid. {@code usageReportsOverdue}: the year's grants whose usage report is overdue now
 * (recorded overdue, neither submitted nor given a later due day since; issue 19).
 */
public record Figures(int activeVolunteers, long minutes, long activities, Map<ActivityCategory, Long> activitiesByCategory,
                      Map<ActivityCategory, Long> minutesByCategory, Map<GrantStatus, Long> grantsByStatus,
                      Money requested, Money approved, Money disbursed, Money spent, Money reclaimed, Money repaid,
                      long usageReportsOverdue) {

    @com.fasterxml.jackson.annotation.JsonCreator
    public Figures {
    }

    /** The figures without overdue usage reports (as before issue 19). */
    public Figures(int activeVolunteers, long minutes, long activities, Map<ActivityCategory, Long> activitiesByCategory,
                   Map<ActivityCategory, Long> minutesByCategory, Map<GrantStatus, Long> grantsByStatus,
                   Money requested, Money approved, Money disbursed, Money spent, Money reclaimed, Money repaid) {
        this(activeVolunteers, minutes, activities, activitiesByCategory, minutesByCategory, grantsByStatus,
                requested, approved, disbursed, spent, reclaimed, repaid, 0);
    }

    public Figures(int activeVolunteers, long minutes, long activities, Map<ActivityCategory, Long> activitiesByCategory,
                   Map<ActivityCategory, Long> minutesByCategory, Map<GrantStatus, Long> grantsByStatus,
                   Money requested, Money approved) {
        this(activeVolunteers, minutes, activities, activitiesByCategory, minutesByCategory, grantsByStatus,
                requested, approved, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, 0);
    }
}
