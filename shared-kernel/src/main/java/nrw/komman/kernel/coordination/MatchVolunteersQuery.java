package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/** Rank the centre's active volunteers for a request; at most {@code limit} (1–100) are returned. */
public record MatchVolunteersQuery(HelpRequestId requestId, int limit) {

    public MatchVolunteersQuery {
        Guard.required(requestId, "requestId", "Die Kennung der Einsatzanfrage");
        if (limit < 1 || limit > 100) {
            throw new InvalidInputException("limit.out-of-range", "Es werden 1 bis 100 Vorschläge angezeigt.");
        }
    }
}
