package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/**
 * Counts without names. {@code open}, {@code partlyStaffed} and {@code staffed} are the live requests by
 * state; {@code everStaffed} counts every request that once had all its places confirmed (closed ones included); {@code medianHoursToStaff} is
 * from opening to the last needed confirmation, over staffed requests (null when none). {@code escalatedUnstaffed}
 * counts the requests the platform found not staffed some hours before they started, by the date (issue 19),
 * whatever became of them later.
 */
public record CoordinationFigures(LocalDate asOf, int requests, int open, int partlyStaffed, int staffed,
                                  int cancelled, int closed, int everStaffed, Double medianHoursToStaff, List<UnmetDemand> unmetDemand,
                                  int escalatedUnstaffed) {

    @com.fasterxml.jackson.annotation.JsonCreator
    public CoordinationFigures {
    }

    /** The figures without the escalations (as before issue 19): none counted. */
    public CoordinationFigures(LocalDate asOf, int requests, int open, int partlyStaffed, int staffed, int cancelled,
                               int closed, int everStaffed, Double medianHoursToStaff, List<UnmetDemand> unmetDemand) {
        this(asOf, requests, open, partlyStaffed, staffed, cancelled, closed, everStaffed, medianHoursToStaff, unmetDemand, 0);
    }

    /** Requests ever staffed as a share of those not cancelled, 0 to 1. */
    public double staffingRate() {
        int considered = requests - cancelled;
        return considered == 0 ? 0 : (double) everStaffed / considered;
    }
}
