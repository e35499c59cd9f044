package nrw.komman.kernel.grant;

import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.common.AccountRole;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One fact in a grant's history with who, when, why and the amounts before and after: the approved
 * amount and the disbursed total, and {@code amount}, the sum the fact itself is about (requested,
 * approved, tranche, spent, demanded, repaid). {@code fact} is the code of a {@link GrantFact}, never a word:
 * the web words it in the reader's language. {@code dueBefore} and {@code dueOn} are the dates a fact of the
 * dates that matter is about (issue 19): the due date it names, and for an extension the date before it; null for
 * the other facts.
 */
public record GrantHistoryEntry(long sequence, String fact, Instant occurredAt, String actorAccount, AccountRole actorRole,
                                GrantStatus statusBefore, GrantStatus statusAfter, Money approvedBefore,
                                Money approvedAfter, Money amount, String reason, Money disbursedBefore,
                                Money disbursedAfter, LocalDate dueBefore, LocalDate dueOn) {

    @com.fasterxml.jackson.annotation.JsonCreator
    public GrantHistoryEntry {
    }

    public GrantHistoryEntry(long sequence, String fact, Instant occurredAt, String actorAccount, AccountRole actorRole,
                             GrantStatus statusBefore, GrantStatus statusAfter, Money approvedBefore,
                             Money approvedAfter, Money amount, String reason, Money disbursedBefore,
                             Money disbursedAfter) {
        this(sequence, fact, occurredAt, actorAccount, actorRole, statusBefore, statusAfter, approvedBefore,
                approvedAfter, amount, reason, disbursedBefore, disbursedAfter, null, null);
    }

    public GrantHistoryEntry(long sequence, String fact, Instant occurredAt, String actorAccount, AccountRole actorRole,
                             GrantStatus statusBefore, GrantStatus statusAfter, Money approvedBefore,
                             Money approvedAfter, Money amount, String reason) {
        this(sequence, fact, occurredAt, actorAccount, actorRole, statusBefore, statusAfter, approvedBefore,
                approvedAfter, amount, reason, null, null);
    }

    /** The same entry with another fact: the API words the code, as it always has, in German. */
    public GrantHistoryEntry withFact(String otherFact) {
        return new GrantHistoryEntry(sequence, otherFact, occurredAt, actorAccount, actorRole, statusBefore, statusAfter,
                approvedBefore, approvedAfter, amount, reason, disbursedBefore, disbursedAfter, dueBefore, dueOn);
    }
}
