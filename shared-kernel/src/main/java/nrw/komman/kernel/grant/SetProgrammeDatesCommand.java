package nrw.komman.kernel.grant;

import nrw.komman.kernel.common.Guard;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The ministry sets the dates of a programme part (issue 19). They apply to grants approved, applied for or
 * reviewed from then on; dates already set in a grant stay as they are.
 *
 * @param programmePart the aggregate's id: the programme part's name, e.g. {@code PART_II_B}
 */
public record SetProgrammeDatesCommand(@TargetAggregateIdentifier String programmePart, ProgrammeDates dates, String reason) {

    public SetProgrammeDatesCommand {
        Guard.required(dates, "dates", "Die Fristen");
        programmePart = dates.part().name();
        reason = Guard.optionalText(reason, "reason", "Die Begründung", 4000);
    }

    public SetProgrammeDatesCommand(ProgrammeDates dates, String reason) {
        this(null, dates, reason);
    }
}
