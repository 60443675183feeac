package org.mitra.directory.version;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Results of the public directory kept in memory, each labelled with the {@link DirectoryVersion} it was computed at
 * and served to a reader of that version or an earlier one. Bounded, least recently used first out.
 *
 * <p>One computation per key at a time (single flight): a reader who finds the answer for its version being computed
 * waits for it instead of computing it again, so a change to the directory costs one computation of each answer asked,
 * not one per request that arrives before the new answer is kept (measured: one capacity change a second took the
 * whole-country coverage to p99 35.7 s at 200 requests/s without it). While that one computation runs, a reader is
 * given the answer kept at an earlier version <em>only</em> when the two versions have the same membership (the
 * changes between them were capacity figures, V12): never a suspended organization's service, a withdrawn service or a
 * confidential location, only capacity figures at most one computation old. The reader that starts the computation
 * always waits for it, so a client that changes capacity and then reads reads its change.
 *
 * <p>A synchronized {@link LinkedHashMap} in access order rather than Caffeine (quarkus-cache): no dependency for a
 * map of a few thousand small entries, and no expiry policy to configure, since validity is the version, not time.
 * The lock is never held while computing. Values must be immutable and the same for every caller: nothing personal
 * and nothing only some callers may see.
 */
public final class VersionedCache<K, V> {
    /** How long a reader waits for another's computation before computing the answer itself. */
    static final long WAIT_SECONDS = 30;

    /** What is kept for one key, and the computation under way for it. */
    private static final class Slot<V> {
        DirectoryVersion.Stamp keptAt;
        V kept;
        DirectoryVersion.Stamp computingAt;
        CompletableFuture<V> computing;

        boolean keptFor(DirectoryVersion.Stamp wanted) {
            return kept != null && notBefore(keptAt, wanted);
        }

        /** The kept answer differs from the one {@code wanted} asks for in capacity figures at most. */
        boolean keptWithSameMembership(DirectoryVersion.Stamp wanted) {
            return kept != null && keptAt.sameMembership(wanted);
        }
    }

    private final Map<K, Slot<V>> slots;

    public VersionedCache(int capacity) {
        this.slots = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Slot<V>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Tells whether a value kept at one version is still right at a later one of the same membership. */
    @FunctionalInterface
    public interface StillRight<V> {
        boolean at(V kept, DirectoryVersion.Stamp keptAt, DirectoryVersion.Stamp wanted);
    }

    /**
     * The value kept for {@code key} at {@code stamp} (or later), the one being computed for it by another reader, or
     * computed now (and kept, when there is a stamp). Without a stamp (a transaction that changed the directory itself)
     * the value is computed for this reader alone.
     */
    public V get(Optional<DirectoryVersion.Stamp> stamp, K key, Supplier<V> compute) {
        return get(stamp, key, compute, null);
    }

    /**
     * As {@link #get(Optional, Object, Supplier)}, but a value kept at an earlier version of the same membership is
     * first asked {@code stillRight} (when given): if it is, it is kept for {@code stamp} without computing it again.
     */
    public V get(Optional<DirectoryVersion.Stamp> stamp, K key, Supplier<V> compute, StillRight<V> stillRight) {
        if (stamp.isEmpty()) {
            return compute.get();
        }
        DirectoryVersion.Stamp wanted = stamp.get();
        if (stillRight != null) {
            V earlier = null;
            DirectoryVersion.Stamp earlierAt = null;
            synchronized (slots) {
                Slot<V> slot = slots.get(key);
                if (slot != null && slot.keptWithSameMembership(wanted) && wanted.after(slot.keptAt)) {
                    earlier = slot.kept;
                    earlierAt = slot.keptAt;
                }
            }
            // Asked outside the lock: it may read the database.
            if (earlier != null && stillRight.at(earlier, earlierAt, wanted)) {
                synchronized (slots) {
                    Slot<V> slot = slots.computeIfAbsent(key, k -> new Slot<>());
                    if (slot.kept == earlier && wanted.after(slot.keptAt)) {
                        slot.keptAt = wanted;
                    }
                }
                return earlier;
            }
        }
        CompletableFuture<V> theirs = null;
        CompletableFuture<V> mine = null;
        synchronized (slots) {
            Slot<V> slot = slots.computeIfAbsent(key, k -> new Slot<>());
            if (slot.keptFor(wanted)) {
                return slot.kept;
            }
            boolean computingForUs = slot.computing != null && notBefore(slot.computingAt, wanted);
            if (slot.computing != null && slot.keptWithSameMembership(wanted)) {
                // Someone computes this key already: capacity figures one computation old, rather than a second computation.
                return slot.kept;
            } else if (computingForUs) {
                theirs = slot.computing;
            } else {
                mine = new CompletableFuture<>();
                slot.computing = mine;
                slot.computingAt = wanted;
            }
        }
        if (theirs != null) {
            try {
                return theirs.get(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // Their computation failed or hangs: this reader computes for itself and keeps nothing.
                return compute.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the directory's answer", e);
            }
        }
        V value;
        try {
            value = compute.get();
        } catch (RuntimeException | Error e) {
            synchronized (slots) {
                Slot<V> slot = slots.get(key);
                if (slot != null && slot.computing == mine) {
                    slot.computing = null;
                    slot.computingAt = null;
                }
            }
            mine.completeExceptionally(e);
            throw e;
        }
        synchronized (slots) {
            Slot<V> slot = slots.computeIfAbsent(key, k -> new Slot<>());
            if (slot.kept == null || !notBefore(slot.keptAt, wanted)) {
                slot.kept = value;
                slot.keptAt = wanted;
            }
            if (slot.computing == mine) {
                slot.computing = null;
                slot.computingAt = null;
            }
        }
        mine.complete(value);
        return value;
    }

    /** Whether {@code stamp} is the state {@code wanted} or a later one of the same database. */
    private static boolean notBefore(DirectoryVersion.Stamp stamp, DirectoryVersion.Stamp wanted) {
        return stamp.equals(wanted) || stamp.after(wanted);
    }

    /** How many keys are kept or being computed (at any version). */
    public int size() {
        synchronized (slots) {
            return slots.size();
        }
    }
}
