package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/**
 * Which volunteer a personal link belongs to, by its token's SHA-256 hash. Answers only while the link is the
 * current one, not revoked, not expired, and the volunteer active and not erased; otherwise not found.
 */
public record ResolveVolunteerLinkQuery(String tokenHash) {

    public ResolveVolunteerLinkQuery {
        if (tokenHash == null || !tokenHash.matches("[0-9a-f]{64}")) {
            throw new NotFoundException("link.unknown", "Dieser Link ist ungültig oder abgelaufen.");
        }
    }
}
