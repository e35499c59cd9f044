package nrw.komman.kernel.activity;

import nrw.komman.kernel.centre.CentreId;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A centre at a glance on the day {@code asOf}. Activities count when they are not withdrawn and
 * dated from the first day of that year (or month) up to and including {@code asOf}.
 *
 * @param minutesByMonth   month of the year (1 up to {@code asOf}'s month, every one present) → category → minutes
 * @param latestActivities the newest entries of this year's log (not withdrawn), at most {@link FetchCentreDashboardQuery#LATEST}
 */
public record CentreDashboard(CentreId centreId, LocalDate asOf, long activeVolunteers, long allVolunteers,
                              long activitiesThisYear, long minutesThisYear, long minutesThisMonth,
                              Map<Integer, Map<ActivityCategory, Long>> minutesByMonth, List<ActivityView> latestActivities) {
}
