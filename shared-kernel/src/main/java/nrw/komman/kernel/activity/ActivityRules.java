package nrw.komman.kernel.activity;

import nrw.komman.kernel.common.InvalidInputException;

/** Checks on an activity that need no state: more than 0 and at most 24 hours. */
public final class ActivityRules {

    public static final int MAX_MINUTES = 24 * 60;

    private ActivityRules() {
    }

    public static void checkDuration(int minutes) {
        if (minutes <= 0) {
            throw new InvalidInputException("activity.duration.not-positive", "Die Dauer muss größer als 0 sein.");
        }
        if (minutes > MAX_MINUTES) {
            throw new InvalidInputException("activity.duration.too-long", "Ein Einsatz dauert höchstens 24 Stunden.");
        }
    }
}
