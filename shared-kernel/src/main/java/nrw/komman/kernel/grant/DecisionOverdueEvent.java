package nrw.komman.kernel.grant;

import nrw.komman.kernel.centre.CentreId;

import java.time.LocalDate;

/** A date passed (recorded by the platform): the application reviewed on {@code reviewedOn} was not decided by {@code dueOn}. */
public record DecisionOverdueEvent(GrantId grantId, CentreId centreId, LocalDate reviewedOn, LocalDate dueOn, LocalDate noticedOn) {
}
