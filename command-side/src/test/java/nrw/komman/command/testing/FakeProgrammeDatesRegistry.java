package nrw.komman.command.testing;

import nrw.komman.command.grant.ProgrammeDatesRegistry;
import nrw.komman.kernel.grant.ProgrammeDates;
import nrw.komman.kernel.grant.ProgrammePart;

import java.util.EnumMap;
import java.util.Map;

/** The programme parts' dates as a map, the defaults where none are set, for fixture tests of the grant. */
public final class FakeProgrammeDatesRegistry implements ProgrammeDatesRegistry {

    private final Map<ProgrammePart, ProgrammeDates> dates = new EnumMap<>(ProgrammePart.class);

    public FakeProgrammeDatesRegistry set(ProgrammeDates set) {
        dates.put(set.part(), set);
        return this;
    }

    @Override
    public ProgrammeDates datesOf(ProgrammePart part) {
        return dates.getOrDefault(part, ProgrammeDates.defaults(part));
    }
}
