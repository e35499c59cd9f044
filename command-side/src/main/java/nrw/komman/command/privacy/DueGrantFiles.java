package nrw.komman.command.privacy;

import java.time.LocalDate;

/**
 * Port: grant files whose keeping period has ended, counted for the record of a retention run. The platform
 * erases nothing of them (they hold no volunteer data); the records office acts on the dry run's list.
 */
public interface DueGrantFiles {

    /** How many grants had their usage report submitted on or before {@code cutoff}. */
    int reportedOnOrBefore(LocalDate cutoff);
}
