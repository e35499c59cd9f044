package nrw.komman.web.platform.page;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.CentreView;
import nrw.komman.kernel.centre.FindCentreQuery;
import nrw.komman.web.account.AccountPrincipal;
import nrw.komman.web.platform.security.CurrentActor;
import nrw.komman.web.platform.QueryDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is signed in, for the page header ({@code ${@signedIn.centreName()}}): works on every page,
 * also on error pages that no UI controller rendered. Centre names are read once through the query
 * gateway and kept (54 centres; a name never changes).
 */
@Component("signedIn")
public class SignedIn {

    private static final Logger log = LoggerFactory.getLogger(SignedIn.class);

    private final QueryDispatcher queries;
    private final Map<CentreId, String> centreNames = new ConcurrentHashMap<>();

    public SignedIn(QueryDispatcher queries) {
        this.queries = queries;
    }

    public boolean present() {
        return CurrentActor.principal().isPresent();
    }

    public String account() {
        return CurrentActor.principal().map(AccountPrincipal::getUsername).orElse("");
    }

    /** The role's name, e.g. COORDINATOR; the templates look up its German label as {@code role.COORDINATOR}. */
    public String role() {
        return CurrentActor.principal().map(p -> p.role().name()).orElse("");
    }

    public CentreId centreId() {
        return CurrentActor.principal().map(AccountPrincipal::centreId).orElse(null);
    }

    /** The signed-in coordinator's centre as people call it, e.g. "Köln"; null for other roles. */
    public String centreName() {
        CentreId id = centreId();
        if (id == null) {
            return null;
        }
        String known = centreNames.get(id);
        if (known != null) {
            return known;
        }
        try {
            String name = queries.optional(new FindCentreQuery(id), CentreView.class).map(CentreView::name).orElse(id.value());
            centreNames.put(id, name);
            return name;
        } catch (RuntimeException e) {
            log.debug("Centre name of {} not available: {}", id, e.toString());
            return id.value();
        }
    }
}
