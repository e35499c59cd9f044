package nrw.komman.command.grant;

import nrw.komman.kernel.grant.ProgrammeDates;
import nrw.komman.kernel.grant.ProgrammePart;

/**
 * Port: the dates in force for a programme part, as the ministry last set them ({@link ProgrammePartDates}), or
 * {@link ProgrammeDates#defaults} while it set none. The grant asks it when it schedules a date.
 */
public interface ProgrammeDatesRegistry {

    ProgrammeDates datesOf(ProgrammePart part);
}
