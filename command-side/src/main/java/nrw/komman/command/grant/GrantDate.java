package nrw.komman.command.grant;

import java.time.LocalDate;

/**
 * The payload of a grant's deadline (issue 19): which date, the last day it names, and the tranche for a tranche's
 * spending (0 otherwise). Serialized with the deadline (Jackson) into the scheduler's table; when it fires, the grant
 * records its fact only if the date still applies: the grant is still waiting for that step and {@code dueOn} is the
 * day now in force (an extension makes the older deadlines stale, so they are never cancelled).
 */
public record GrantDate(Kind kind, LocalDate dueOn, int tranche) {

    /** The deadline name all of a grant's dates are scheduled under. */
    public static final String DEADLINE = "grant-date";

    public enum Kind {
        /** The application is to be reviewed by {@code dueOn}; fires the day after. */
        REVIEW,
        /** The reviewed application is to be decided by {@code dueOn}; fires the day after. */
        DECISION,
        /** The usage report is due on {@code dueOn}; fires on the reminder day before it. */
        USAGE_REPORT_REMINDER,
        /** The usage report is due on {@code dueOn}; fires the day after. */
        USAGE_REPORT,
        /** The spending of tranche {@code tranche} is to be reported by {@code dueOn}; fires the day after. */
        TRANCHE_SPENDING
    }

    public static GrantDate of(Kind kind, LocalDate dueOn) {
        return new GrantDate(kind, dueOn, 0);
    }

    public static GrantDate tranche(int tranche, LocalDate dueOn) {
        return new GrantDate(Kind.TRANCHE_SPENDING, dueOn, tranche);
    }
}
