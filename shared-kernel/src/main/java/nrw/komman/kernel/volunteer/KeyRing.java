package nrw.komman.kernel.volunteer;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Where the per-volunteer keys live, apart from the events (a database table in the application). */
public interface KeyRing {

    /** The volunteer's key, created on first use. */
    byte[] keyFor(VolunteerId subject);

    /** The volunteer's key if it exists and was not destroyed. */
    Optional<byte[]> existingKey(VolunteerId subject);

    /**
     * The existing, not destroyed keys of many volunteers at once (a page of a read model); volunteers without a
     * key or with a destroyed one are absent from the answer. Key rings that can read in bulk override this loop.
     */
    default Map<VolunteerId, byte[]> existingKeys(Collection<VolunteerId> subjects) {
        Map<VolunteerId, byte[]> keys = new LinkedHashMap<>();
        for (VolunteerId subject : subjects) {
            existingKey(subject).ifPresent(key -> keys.put(subject, key));
        }
        return keys;
    }

    void destroy(VolunteerId subject);

    boolean isDestroyed(VolunteerId subject);
}
