package nrw.komman.kernel.grant;

import nrw.komman.kernel.common.Guard;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The grant authority moves the usage report's due date (Fristverlängerung, or an earlier date); a reason is
 * required. Allowed while the grant is approved and the report not yet submitted, also when it is already overdue.
 */
public record ExtendUsageReportDueCommand(@TargetAggregateIdentifier GrantId grantId, LocalDate dueOn, String reason) {

    public ExtendUsageReportDueCommand {
        Guard.required(grantId, "grantId", "Die Kennung der Zuwendung");
        Guard.required(dueOn, "dueOn", "Die neue Frist");
        reason = Guard.text(reason, "reason", "Die Begründung", 4000);
    }
}
