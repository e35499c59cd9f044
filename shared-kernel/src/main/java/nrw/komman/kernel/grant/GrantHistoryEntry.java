package nrw.komman.kernel.grant;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/** One fact in a grant's history with who, when, why and the amounts before and after. */
public record GrantHistoryEntry(long sequence, String fact, Instant occurredAt, String actorAccount, Role actorRole, GrantStatus statusBefore, GrantStatus statusAfter, Money approvedBefore, Money approvedAfter, Money amount, String reason) {
}
