package nrw.komman.command.grant;

import nrw.komman.kernel.grant.ProgrammeDates;
import nrw.komman.kernel.grant.ProgrammePart;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/** Reads a programme part's dates from its own events, inside the unit of work of the command that asks. */
@Component
public class AxonProgrammeDatesRegistry implements ProgrammeDatesRegistry {

    private final Repository<ProgrammePartDates> parts;

    public AxonProgrammeDatesRegistry(Repository<ProgrammePartDates> parts) {
        this.parts = parts;
    }

    @Override
    public ProgrammeDates datesOf(ProgrammePart part) {
        try {
            return parts.load(part.name()).invoke(ProgrammePartDates::dates);
        } catch (AggregateNotFoundException e) {
            return ProgrammeDates.defaults(part); // the ministry never set them
        }
    }
}
