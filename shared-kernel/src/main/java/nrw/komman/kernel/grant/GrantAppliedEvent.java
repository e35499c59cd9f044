package nrw.komman.kernel.grant;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** A centre applied for a grant. */
public record GrantAppliedEvent(GrantId grantId, CentreId centreId, int fundingYear, ProgrammePart programmePart, String title, String purpose, Money requestedAmount, LocalDate appliedOn) {
}
