package nrw.komman.kernel.grant;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/**
 * The ministry approved the grant (Zuwendungsbescheid).
 * <p>
 * Revision 1 (issue 19): {@code usageReportDue} added; revision 0 loads with it null.
 *
 * @param usageReportDue the day the usage report is due, set in the approval (issue 19); null in approvals recorded
 *                       before then, for which {@link ProgrammeDates#defaults} gives the day
 */
@org.axonframework.serialization.Revision("1")
public record GrantApprovedEvent(GrantId grantId, CentreId centreId, Money requestedAmount, Money approvedAmount, String note,
                                 LocalDate approvedOn, LocalDate usageReportDue) {

    @com.fasterxml.jackson.annotation.JsonCreator
    public GrantApprovedEvent {
    }

    /** An approval without its own due date (as recorded before issue 19). */
    public GrantApprovedEvent(GrantId grantId, CentreId centreId, Money requestedAmount, Money approvedAmount, String note,
                              LocalDate approvedOn) {
        this(grantId, centreId, requestedAmount, approvedAmount, note, approvedOn, null);
    }
}
