package nrw.komman.kernel.audit;

import nrw.komman.kernel.grant.GrantId;

/**
 * Verifies a grant's hash chain against the event store. With {@code expectedHead} (and the number of
 * events it covered, from an earlier export) it also proves that nothing changed since that export.
 */
public record VerifyGrantChainQuery(GrantId grantId, String expectedHead, Integer expectedLength) {

    public VerifyGrantChainQuery(GrantId grantId) {
        this(grantId, null, null);
    }
}
