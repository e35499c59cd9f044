package nrw.komman.kernel.grant;

import nrw.komman.kernel.common.Guard;
import nrw.komman.kernel.common.InvalidInputException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The centre reports that the money of a tranche has been spent (within two months of its disbursement, or late).
 * Once per tranche; the tranche counts from 1 as in {@link TrancheDisbursedEvent}.
 */
public record ReportTrancheSpentCommand(@TargetAggregateIdentifier GrantId grantId, int tranche) {

    public ReportTrancheSpentCommand {
        Guard.required(grantId, "grantId", "Die Kennung der Zuwendung");
        if (tranche < 1) {
            throw new InvalidInputException("tranche.invalid", "Die Auszahlung ist nicht angegeben.");
        }
    }
}
