package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** Erase the requester's data (name, contact, place, note, reasons) of a closed or cancelled request: its key is destroyed. */
public record EraseRequesterDataCommand(@TargetAggregateIdentifier HelpRequestId requestId,
                                        nrw.komman.kernel.privacy.ErasureReason reason) {

    public EraseRequesterDataCommand {
        Guard.required(requestId, "requestId", "Die Kennung der Einsatzanfrage");
        Guard.required(reason, "reason", "Der Löschgrund");
    }
}
