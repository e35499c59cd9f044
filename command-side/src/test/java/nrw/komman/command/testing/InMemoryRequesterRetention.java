package nrw.komman.command.testing;

import nrw.komman.command.coordination.RequesterRetention;
import nrw.komman.command.privacy.EndedHelpRequests;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.coordination.HelpRequestId;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The register of ended requests in memory (the JDBC one is tested against H2 on its own). */
public final class InMemoryRequesterRetention implements RequesterRetention, EndedHelpRequests {

    private final Map<HelpRequestId, EndedHelpRequest> ended = new LinkedHashMap<>();

    public Optional<LocalDate> endedOn(HelpRequestId requestId) {
        return Optional.ofNullable(ended.get(requestId)).map(EndedHelpRequest::endedOn);
    }

    @Override
    public void ended(HelpRequestId requestId, CentreId centreId, LocalDate on) {
        ended.put(requestId, new EndedHelpRequest(requestId, centreId, on));
    }

    @Override
    public void erased(HelpRequestId requestId) {
        ended.remove(requestId);
    }

    @Override
    public List<EndedHelpRequest> endedOnOrBefore(LocalDate cutoff) {
        return ended.values().stream().filter(e -> !e.endedOn().isAfter(cutoff))
                .sorted(Comparator.comparing(EndedHelpRequest::endedOn)).toList();
    }
}
