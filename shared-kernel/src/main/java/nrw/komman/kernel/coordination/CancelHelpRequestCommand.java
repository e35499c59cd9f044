package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** The centre calls a request off; its live assignments are cancelled with it. A reason is required. */
public record CancelHelpRequestCommand(@TargetAggregateIdentifier HelpRequestId requestId, String reason) {

    public CancelHelpRequestCommand {
        Guard.required(requestId, "requestId", "Die Kennung der Einsatzanfrage");
        reason = Guard.text(reason, "reason", "Der Grund", 500);
    }
}
