package nrw.komman.kernel.volunteer;

import java.util.Optional;

/** Where the per-volunteer keys live, apart from the events (a database table in the application). */
public interface KeyRing {

    /** The volunteer's key, created on first use. */
    byte[] keyFor(VolunteerId subject);

    /** The volunteer's key if it exists and was not destroyed. */
    Optional<byte[]> existingKey(VolunteerId subject);

    void destroy(VolunteerId subject);

    boolean isDestroyed(VolunteerId subject);
}
