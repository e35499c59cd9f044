package nrw.komman.kernel.grant;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Money;

import java.time.LocalDate;

/**
 * An amendment that raises the approved amount was proposed (Änderungsbescheid, Erhöhung); the approved amount stays
 * as it is until a second account approves the raise (docs/domain.md rule 8, ADR 26), then a {@link GrantAmendedEvent}
 * follows.
 */
public record GrantRaiseProposedEvent(GrantId grantId, CentreId centreId, Money approvedBefore, Money proposedAmount,
                                      String reason, LocalDate proposedOn) {
}
