package nrw.komman.kernel.grant;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** The ministry rejects a grant application, with a reason. */
public record RejectGrantCommand(@TargetAggregateIdentifier GrantId grantId, String reason) {

    public RejectGrantCommand {
        Guard.required(grantId, "grantId", "Die Kennung der Zuwendung");
        reason = Guard.text(reason, "reason", "Die Begründung der Ablehnung", 4000);
    }
}
