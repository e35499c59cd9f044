package nrw.komman.command.coordination;

import nrw.komman.kernel.coordination.AssignmentId;

import java.time.LocalDate;

/**
 * The payload of a request's deadline (issue 19, rule 23): the reminder of one occurrence of a confirmed assignment
 * ({@code assignmentId} and the occurrence's {@code day}), or the check whether the request is staffed in time (both
 * null). Serialized with the deadline (Jackson) into the scheduler's table, so renaming the record or its fields is
 * like renaming an event. When it fires, the request records its fact only if it still applies; nothing is cancelled.
 */
public record RequestDate(Kind kind, AssignmentId assignmentId, LocalDate day) {

    /** The deadline name all of a request's dates are scheduled under. */
    public static final String DEADLINE = "help-request-date";

    public enum Kind {
        /** The day before {@code day}, 09:00 in NRW: remind the volunteer of the assignment {@code assignmentId}. */
        REMINDER,
        /** The lead time before the first occurrence: tell the coordinators if fewer confirmed than needed. */
        UNSTAFFED
    }

    public static RequestDate reminder(AssignmentId assignmentId, LocalDate day) {
        return new RequestDate(Kind.REMINDER, assignmentId, day);
    }

    public static RequestDate unstaffed() {
        return new RequestDate(Kind.UNSTAFFED, null, null);
    }
}
