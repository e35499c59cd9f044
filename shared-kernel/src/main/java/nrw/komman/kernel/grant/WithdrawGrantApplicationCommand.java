package nrw.komman.kernel.grant;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** The applying centre withdraws its application before the decision, with a reason. */
public record WithdrawGrantApplicationCommand(@TargetAggregateIdentifier GrantId grantId, String reason) {

    public WithdrawGrantApplicationCommand {
        Guard.required(grantId, "grantId", "Die Kennung der Zuwendung");
        reason = Guard.text(reason, "reason", "Die Begründung der Rücknahme", 4000);
    }
}
