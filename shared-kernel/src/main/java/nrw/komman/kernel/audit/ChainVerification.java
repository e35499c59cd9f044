package nrw.komman.kernel.audit;

import nrw.komman.kernel.grant.GrantId;

import java.time.Instant;
import java.util.List;

/**
 * The result of checking a grant's hash chain: {@code intact} when every stored event still hashes to its
 * recorded link and no link lacks its event; {@code head} is the hash over all {@code length} events.
 * {@code matchesExpected} is null when no earlier head was given. {@code problems} say in German where the
 * chain breaks (for example "Ereignis 3 wurde verändert").
 */
public record ChainVerification(GrantId grantId, boolean intact, int length, String head, Boolean matchesExpected,
                                List<String> problems, Instant verifiedAt) {

    /** Intact and, when an earlier head was given, still the same. */
    public boolean verified() {
        return intact && (matchesExpected == null || matchesExpected);
    }
}
