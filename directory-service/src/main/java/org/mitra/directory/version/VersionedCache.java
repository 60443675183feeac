package org.mitra.directory.version;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Results of the public directory kept in memory, each labelled with the {@link DirectoryVersion} it was computed at
 * and served only to a reader of that same version: any committed change to the directory makes every entry a miss.
 * Bounded, least recently used first out.
 *
 * <p>A synchronized {@link LinkedHashMap} in access order rather than Caffeine (quarkus-cache): no dependency for a
 * map of a few thousand small entries, and no expiry policy to configure, since validity is the version, not time.
 * The lock is never held while computing. Values must be immutable and the same for every caller: nothing personal
 * and nothing only some callers may see.
 */
public final class VersionedCache<K, V> {
    private record Entry<V>(DirectoryVersion.Stamp stamp, V value) {
    }

    private final Map<K, Entry<V>> entries;

    public VersionedCache(int capacity) {
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The value kept for {@code key} at {@code stamp}, or computed (and kept, when there is a stamp) now. */
    public V get(Optional<DirectoryVersion.Stamp> stamp, K key, Supplier<V> compute) {
        if (stamp.isEmpty()) {
            return compute.get();
        }
        synchronized (entries) {
            Entry<V> kept = entries.get(key);
            if (kept != null && kept.stamp().equals(stamp.get())) {
                return kept.value();
            }
        }
        V value = compute.get();
        synchronized (entries) {
            entries.put(key, new Entry<>(stamp.get(), value));
        }
        return value;
    }

    /** How many entries are kept (at any version). */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
