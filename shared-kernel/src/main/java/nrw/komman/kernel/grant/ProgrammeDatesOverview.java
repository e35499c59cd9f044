package nrw.komman.kernel.grant;

import java.time.Instant;
import java.util.List;

/**
 * The dates of each programme part, in the enum's order.
 *
 * @param parts one row per programme part
 */
public record ProgrammeDatesOverview(List<Row> parts) {

    public ProgrammeDatesOverview {
        parts = List.copyOf(parts);
    }

    /**
     * @param dates   the dates in force
     * @param set     false while the defaults hold
     * @param setAt   when the ministry last set them; null while the defaults hold
     * @param setBy   the account that last set them; null while the defaults hold
     */
    public record Row(ProgrammeDates dates, boolean set, Instant setAt, String setBy) {
    }
}
