package nrw.komman.kernel.grant;

import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.common.AccountRole;

import java.time.Instant;

/**
 * One fact in a grant's history with who, when, why and the amounts before and after: the approved
 * amount and the disbursed total, and {@code amount}, the sum the fact itself is about (requested,
 * approved, tranche, spent, demanded, repaid).
 */
public record GrantHistoryEntry(long sequence, String fact, Instant occurredAt, String actorAccount, AccountRole actorRole,
                                GrantStatus statusBefore, GrantStatus statusAfter, Money approvedBefore,
                                Money approvedAfter, Money amount, String reason, Money disbursedBefore,
                                Money disbursedAfter) {

    public GrantHistoryEntry(long sequence, String fact, Instant occurredAt, String actorAccount, AccountRole actorRole,
                             GrantStatus statusBefore, GrantStatus statusAfter, Money approvedBefore,
                             Money approvedAfter, Money amount, String reason) {
        this(sequence, fact, occurredAt, actorAccount, actorRole, statusBefore, statusAfter, approvedBefore,
                approvedAfter, amount, reason, null, null);
    }
}
