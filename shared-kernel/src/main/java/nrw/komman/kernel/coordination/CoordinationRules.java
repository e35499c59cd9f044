package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** The stateless rules of requests and assignments, shared by the aggregates and the forms (ADR 29). */
public final class CoordinationRules {

    /** The most volunteers one request may ask for; a bigger need is several requests. */
    public static final int MAX_VOLUNTEERS = 20;
    /** The most volunteers one offer may reach at once. */
    public static final int MAX_OFFERS = 30;

    private CoordinationRules() {
    }

    /** 1 to 20 volunteers. */
    public static void checkVolunteersNeeded(int volunteersNeeded) {
        if (volunteersNeeded < 1 || volunteersNeeded > MAX_VOLUNTEERS) {
            throw new InvalidInputException("volunteersNeeded.out-of-range",
                    "Es werden 1 bis " + MAX_VOLUNTEERS + " Ehrenamtliche angefragt.");
        }
    }

    /** A duration as for an activity, and no longer than the time span of one day of the schedule. */
    public static void checkMinutes(int minutes, Schedule schedule) {
        ActivityRules.checkDuration(minutes);
        if (schedule != null) {
            long span = Duration.between(schedule.start(), schedule.end()).toMinutes();
            if (minutes > span) {
                throw new InvalidInputException("minutes.beyond-span",
                        "Die Dauer ist länger als die Zeit zwischen Anfang und Ende.");
            }
        }
    }
}
