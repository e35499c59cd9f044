package nrw.komman.kernel.grant;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** The grant authority reviews an application and recommends a decision. */
public record ReviewGrantCommand(@TargetAggregateIdentifier GrantId grantId, Recommendation recommendation, String note) {

    public ReviewGrantCommand {
        Guard.required(grantId, "grantId", "Die Kennung der Zuwendung");
        Guard.required(recommendation, "recommendation", "Die Empfehlung");
        note = Guard.text(note, "note", "Der Prüfvermerk", 4000);
    }
}
