package nrw.komman.kernel.coordination;

import nrw.komman.kernel.common.Guard;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The platform (never a person) asks a request to schedule the dates still ahead of it (the check whether it is
 * staffed in time, the next reminder of each confirmed assignment): sent once for every request recorded before the
 * dates existed (issue 19). Records no fact; scheduling a date twice is harmless, since a date that fires checks that
 * it still applies and records its fact once.
 */
public record ScheduleRequestDatesCommand(@TargetAggregateIdentifier HelpRequestId requestId) {

    public ScheduleRequestDatesCommand {
        Guard.required(requestId, "requestId", "Die Kennung der Anfrage");
    }
}
