package nrw.komman.web.grant;

import nrw.komman.kernel.audit.ChainVerification;
import nrw.komman.kernel.audit.VerifyGrantChainQuery;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.web.platform.QueryDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The check of a grant's hash chain for the box "Prüfung der Ereigniskette" on the grant page. When the
 * check cannot run (the event store does not answer, a timeout), the page still shows the grant and
 * says that the check was not possible: never "intact" without a check.
 */
@Component
public class ChainCheck {

    private static final Logger log = LoggerFactory.getLogger(ChainCheck.class);

    private final QueryDispatcher queries;

    public ChainCheck(QueryDispatcher queries) {
        this.queries = queries;
    }

    /** @param verification null when the check could not run */
    public record Result(ChainVerification verification) {

        public boolean checked() {
            return verification != null;
        }
    }

    public Result verify(GrantId grantId) {
        try {
            return new Result(queries.one(new VerifyGrantChainQuery(grantId), ChainVerification.class, "grant.not-found",
                    "Diese Zuwendung ist nicht bekannt."));
        } catch (RuntimeException e) {
            log.warn("The hash chain of grant {} could not be verified: {}", grantId, e.toString());
            return new Result(null);
        }
    }

    /** The verification for an export; fails when it cannot run (an export without its verification value is worthless). */
    public ChainVerification require(GrantId grantId) {
        return queries.one(new VerifyGrantChainQuery(grantId), ChainVerification.class, "grant.not-found",
                "Diese Zuwendung ist nicht bekannt.");
    }
}
