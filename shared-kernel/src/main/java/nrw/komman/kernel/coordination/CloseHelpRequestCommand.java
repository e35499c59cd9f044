package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** The centre marks a request as done; nothing more is asked for it, and its retention period starts. */
public record CloseHelpRequestCommand(@TargetAggregateIdentifier HelpRequestId requestId) {

    public CloseHelpRequestCommand {
        Guard.required(requestId, "requestId", "Die Kennung der Einsatzanfrage");
    }
}
