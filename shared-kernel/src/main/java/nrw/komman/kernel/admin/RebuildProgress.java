package nrw.komman.kernel.admin;

import java.time.Instant;

/**
 * A rebuild of one processor's read models into a new generation of their tables, while the current
 * ones keep answering. {@code position} is how far the new generation has read of
 * {@code headPosition}; the rate and the time left are estimates while it replays, null otherwise.
 */
public record RebuildProgress(int generation, State state, long position, long headPosition, Double eventsPerSecond,
                              Long secondsLeft, Instant startedAt, Instant finishedAt, String error) {

    public enum State {
        /** The new generation reads the history; the current tables answer. */
        REPLAYING,
        /** Swapping the new generation in (seen only after a crash on the embedded database, until the next start). */
        SWITCHING,
        /** The new generation answers. */
        SWITCHED,
        /** Given up; the current tables stayed in place. */
        FAILED
    }

    public boolean inProgress() {
        return state == State.REPLAYING || state == State.SWITCHING;
    }
}
