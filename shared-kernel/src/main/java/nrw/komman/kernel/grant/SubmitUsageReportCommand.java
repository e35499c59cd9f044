package nrw.komman.kernel.grant;

import nrw.komman.kernel.common.Guard;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;


/** A coordinator submits the usage report (Verwendungsnachweis): amount spent, narrative report, volunteers reached. */
public record SubmitUsageReportCommand(@TargetAggregateIdentifier GrantId grantId, Money amountSpent, String report, int volunteersReached) {

    public SubmitUsageReportCommand {
        Guard.required(grantId, "grantId", "Die Kennung der Zuwendung");
        Guard.required(amountSpent, "amountSpent", "Der verausgabte Betrag");
        report = Guard.text(report, "report", "Der Sachbericht", 20000);
        if (volunteersReached < 0 || volunteersReached > 1_000_000) {
            throw new InvalidInputException("volunteersReached.out-of-range",
                    "Die Zahl der erreichten Ehrenamtlichen muss zwischen 0 und 1.000.000 liegen.");
        }
    }
}
