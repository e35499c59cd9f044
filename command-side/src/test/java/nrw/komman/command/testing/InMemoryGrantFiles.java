package nrw.komman.command.testing;

import nrw.komman.command.grant.GrantFiles;
import nrw.komman.command.privacy.DueGrantFiles;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.grant.GrantId;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The register of grant files in memory. */
public final class InMemoryGrantFiles implements GrantFiles, DueGrantFiles {

    private final Map<GrantId, LocalDate> reportedOn = new HashMap<>();

    public Optional<LocalDate> reportedOn(GrantId grantId) {
        return Optional.ofNullable(reportedOn.get(grantId));
    }

    public InMemoryGrantFiles reported(GrantId grantId, LocalDate on) {
        reportedOn.put(grantId, on);
        return this;
    }

    @Override
    public void usageReported(GrantId grantId, CentreId centreId, int fundingYear, LocalDate on) {
        reportedOn.put(grantId, on);
    }

    @Override
    public int reportedOnOrBefore(LocalDate cutoff) {
        return (int) reportedOn.values().stream().filter(d -> !d.isAfter(cutoff)).count();
    }
}
