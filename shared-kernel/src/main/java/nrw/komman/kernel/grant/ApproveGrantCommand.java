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
 * The ministry approves a grant with an amount not above the requested one.
 *
 * @param usageReportDue the day the usage report is due; null for the programme part's default
 *                       ({@link ProgrammeDates#usageReportDue}); else after the end of the funding year
 */
public record ApproveGrantCommand(@TargetAggregateIdentifier GrantId grantId, Money approvedAmount, String note,
                                  LocalDate usageReportDue) {

    public ApproveGrantCommand(GrantId grantId, Money approvedAmount, String note) {
        this(grantId, approvedAmount, note, null);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public ApproveGrantCommand {
        Guard.required(grantId, "grantId", "Die Kennung der Zuwendung");
        Guard.required(approvedAmount, "approvedAmount", "Der bewilligte Betrag");
        if (approvedAmount.isZero()) {
            throw new InvalidInputException("approvedAmount.zero", "Der bewilligte Betrag muss größer als 0 sein; sonst bitte ablehnen.");
        }
        note = Guard.optionalText(note, "note", "Die Anmerkung", 4000);
    }
}
