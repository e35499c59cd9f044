package nrw.komman.command.common;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A bounded cache of aggregates, least recently used out first, so a command finds its aggregate in
 * memory instead of reading and applying all its events again. Safe on several nodes (ADR 12): a
 * cached copy is used only while its version is the newest sequence number in the event store (one
 * indexed lookup), so a refusal is never decided on a state another node has changed since; and a
 * copy that goes stale in between fails to append (the store's unique sequence number), Axon drops
 * it on that rollback, and the gateway retries the command, which loads the aggregate afresh.
 */
public class AggregateCache implements Cache {

    private static final Field VERSION = versionField();
    private final Map<Object, Object> entries;
    private final Function<Object, Long> storedVersion;

    /**
     * @param maxEntries    how many aggregates to keep
     * @param storedVersion the newest sequence number of an aggregate in the event store (null: none)
     */
    public AggregateCache(int maxEntries, Function<Object, Long> storedVersion) {
        this.storedVersion = storedVersion;
        this.entries = new LinkedHashMap<>(Math.min(maxEntries, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object entry;
        synchronized (this) {
            entry = entries.get(key);
        }
        if (entry instanceof AggregateCacheEntry<?> cached && !Objects.equals(versionOf(cached), storedVersion.apply(key))) {
            remove(key); // another node has appended since: load it from the events
            return null;
        }
        return (V) entry;
    }

    private static Long versionOf(AggregateCacheEntry<?> entry) {
        try {
            return (Long) VERSION.get(entry);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read the version of a cached aggregate", e);
        }
    }

    /** Axon's cache entry keeps the aggregate's version private; the check above needs it. */
    private static Field versionField() {
        try {
            Field field = AggregateCacheEntry.class.getDeclaredField("version");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Axon's AggregateCacheEntry has no version field any more: check AggregateCache", e);
        }
    }

    @Override
    public synchronized void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value) == null;
    }

    @Override
    public synchronized boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public synchronized void removeAll() {
        entries.clear();
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    public synchronized int size() {
        return entries.size();
    }

    /** The repositories register no listeners; nothing to tell. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return () -> true;
    }
}
