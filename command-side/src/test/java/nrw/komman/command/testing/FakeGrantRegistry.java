package nrw.komman.command.testing;

import nrw.komman.command.grant.GrantRegistry;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.GrantStatus;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Grants as a map, for fixture tests of activities that refer to one. */
public final class FakeGrantRegistry implements GrantRegistry {

    private final Map<GrantId, GrantFacts> grants = new HashMap<>();

    public FakeGrantRegistry with(GrantId grantId, CentreId centreId, int fundingYear, GrantStatus status) {
        grants.put(grantId, new GrantFacts(grantId, centreId, fundingYear, status));
        return this;
    }

    @Override
    public Optional<GrantFacts> find(GrantId grantId) {
        return Optional.ofNullable(grants.get(grantId));
    }
}
