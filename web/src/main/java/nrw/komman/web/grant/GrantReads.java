package nrw.komman.web.grant;

import nrw.komman.kernel.grant.FetchGrantHistoryQuery;
import nrw.komman.kernel.grant.FindGrantQuery;
import nrw.komman.kernel.grant.GrantHistory;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.GrantView;
import nrw.komman.web.platform.security.CentreAccess;
import nrw.komman.web.platform.Ids;
import nrw.komman.web.platform.QueryDispatcher;

/** Reading one grant for a page: the read model's view (404 when unknown, 403 for another centre's coordinator) and its history. */
final class GrantReads {

    private GrantReads() {
    }

    static GrantView find(QueryDispatcher queries, String grantId) {
        GrantId id = Ids.grant("grantId", grantId);
        GrantView grant = queries.one(new FindGrantQuery(id), GrantView.class, "grant.not-found", "Diese Zuwendung ist nicht bekannt.");
        CentreAccess.requireOwnCentre(grant.centreId());
        return grant;
    }

    static GrantHistory history(QueryDispatcher queries, GrantId id) {
        return queries.one(new FetchGrantHistoryQuery(id), GrantHistory.class, "grant.not-found", "Diese Zuwendung ist nicht bekannt.");
    }
}
