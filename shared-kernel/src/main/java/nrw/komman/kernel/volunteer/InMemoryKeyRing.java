package nrw.komman.kernel.volunteer;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A key ring in memory, for tests and tools; the application keeps its keys in the database. */
public final class InMemoryKeyRing implements KeyRing {

    private final SecureRandom random = new SecureRandom();
    private final Map<VolunteerId, byte[]> keys = new ConcurrentHashMap<>();
    private final Set<VolunteerId> destroyed = ConcurrentHashMap.newKeySet();

    @Override
    public byte[] keyFor(VolunteerId subject) {
        if (destroyed.contains(subject)) {
            throw new IllegalStateException("the key of " + subject + " was destroyed");
        }
        return keys.computeIfAbsent(subject, s -> {
            byte[] k = new byte[32];
            random.nextBytes(k);
            return k;
        });
    }

    @Override
    public Optional<byte[]> existingKey(VolunteerId subject) {
        return Optional.ofNullable(keys.get(subject));
    }

    @Override
    public void destroy(VolunteerId subject) {
        keys.remove(subject);
        destroyed.add(subject);
    }

    @Override
    public boolean isDestroyed(VolunteerId subject) {
        return destroyed.contains(subject);
    }
}
