package nrw.komman.kernel.grant;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** The ministry approved the grant (Zuwendungsbescheid). */
public record GrantApprovedEvent(GrantId grantId, CentreId centreId, Money requestedAmount, Money approvedAmount, String note, LocalDate approvedOn) {
}
