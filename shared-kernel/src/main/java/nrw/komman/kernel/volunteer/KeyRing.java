package nrw.komman.kernel.volunteer;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;

/** Where the per-volunteer keys live, apart from the events (a database table in the application). */
public interface KeyRing {

    /** The volunteer's key, created on first use. */
    byte[] keyFor(VolunteerId subject);

    /** The volunteer's key if it exists and was not destroyed. */
    Optional<byte[]> existingKey(VolunteerId subject);

    /**
     * The existing (not destroyed) keys of these volunteers; a volunteer without one is missing from the
     * answer. For queries that open a page of rows: an implementation over a database should look them up
     * in one statement (or a few), not one per volunteer as this default does.
     */
    default Map<VolunteerId, byte[]> existingKeys(Collection<VolunteerId> subjects) {
        Map<VolunteerId, byte[]> keys = new HashMap<>();
        for (VolunteerId subject : new LinkedHashSet<>(subjects)) {
            existingKey(subject).ifPresent(key -> keys.put(subject, key));
        }
        return keys;
    }

    void destroy(VolunteerId subject);

    boolean isDestroyed(VolunteerId subject);
}
