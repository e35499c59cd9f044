package nrw.komman.command.testing;

import nrw.komman.command.volunteer.LegacyPlainTexts;
import nrw.komman.kernel.volunteer.VolunteerId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The port of the legacy plain texts for aggregate tests: holds, per volunteer, the identifiers of stored events with
 * plain text that a test says exist, and hands them out once on redaction (the real one is {@code JdbcLegacyPlainTexts}).
 */
public class NoLegacyPlainTexts implements LegacyPlainTexts {

    private final Map<VolunteerId, List<String>> stored = new HashMap<>();
    private final List<VolunteerId> redacted = new ArrayList<>();

    public NoLegacyPlainTexts holding(VolunteerId volunteerId, String... eventIdentifiers) {
        stored.put(volunteerId, List.of(eventIdentifiers));
        return this;
    }

    @Override
    public List<String> redact(VolunteerId volunteerId) {
        redacted.add(volunteerId);
        List<String> ids = stored.remove(volunteerId);
        return ids == null ? List.of() : ids;
    }

    public List<VolunteerId> redacted() {
        return List.copyOf(redacted);
    }
}
