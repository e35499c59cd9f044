package nrw.komman.kernel.grant;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** A coordinator applies for a grant for their centre. */
public record ApplyForGrantCommand(@TargetAggregateIdentifier GrantId grantId, CentreId centreId, int fundingYear, ProgrammePart programmePart, String title, String purpose, Money requestedAmount) {

    public ApplyForGrantCommand {
        Guard.required(grantId, "grantId", "Die Kennung der Zuwendung");
        Guard.required(centreId, "centreId", "Das Integrationszentrum");
        FundingYear.validate(fundingYear);
        Guard.required(programmePart, "programmePart", "Der Programmteil");
        title = Guard.text(title, "title", "Der Titel", 200);
        purpose = Guard.text(purpose, "purpose", "Der Zweck", 4000);
        Guard.required(requestedAmount, "requestedAmount", "Der beantragte Betrag");
        if (requestedAmount.isZero()) {
            throw new InvalidInputException("requestedAmount.zero", "Der beantragte Betrag muss größer als 0 sein.");
        }
    }
}
