package nrw.komman.command.testing;

import nrw.komman.command.centre.CentreRegistry;
import nrw.komman.kernel.centre.CentreId;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Centres as a map, for fixture tests of the aggregates that ask about them. */
public final class FakeCentreRegistry implements CentreRegistry {

    private final Map<CentreId, CentreFacts> centres = new HashMap<>();

    public FakeCentreRegistry established(CentreId centreId, LocalDate on) {
        centres.put(centreId, new CentreFacts(centreId, on, null));
        return this;
    }

    public FakeCentreRegistry closed(CentreId centreId, LocalDate establishedOn, LocalDate closedOn) {
        centres.put(centreId, new CentreFacts(centreId, establishedOn, closedOn));
        return this;
    }

    @Override
    public Optional<CentreFacts> find(CentreId centreId) {
        return Optional.ofNullable(centres.get(centreId));
    }
}
