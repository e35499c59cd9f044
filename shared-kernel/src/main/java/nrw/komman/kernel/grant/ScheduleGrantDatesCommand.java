package nrw.komman.kernel.grant;

import nrw.komman.kernel.common.Guard;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The platform (never a person) asks a grant to schedule the dates still ahead of it: sent once for every grant
 * recorded before the dates existed (issue 19). Records no fact; scheduling a date twice is harmless, since a
 * date that fires checks that it still applies and records its fact once.
 */
public record ScheduleGrantDatesCommand(@TargetAggregateIdentifier GrantId grantId) {

    public ScheduleGrantDatesCommand {
        Guard.required(grantId, "grantId", "Die Kennung der Zuwendung");
    }
}
