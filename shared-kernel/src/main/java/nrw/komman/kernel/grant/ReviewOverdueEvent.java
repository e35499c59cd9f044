package nrw.komman.kernel.grant;

import nrw.komman.kernel.centre.CentreId;

import java.time.LocalDate;

/** A date passed (recorded by the platform): the application received on {@code appliedOn} was not reviewed by {@code dueOn}. */
public record ReviewOverdueEvent(GrantId grantId, CentreId centreId, LocalDate appliedOn, LocalDate dueOn, LocalDate noticedOn) {
}
