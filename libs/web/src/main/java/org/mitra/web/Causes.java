package org.mitra.web;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Looks through everything a failure carries: its causes and its suppressed exceptions. The transaction manager
 * (Narayana) reports why a commit failed as exceptions suppressed on its {@code RollbackException}, not as its cause,
 * so a walk along {@code getCause()} alone misses a lost connection or a lost optimistic lock at commit.
 */
public final class Causes {
    private static final int LIMIT = 64;

    private Causes() {
    }

    /** True when the failure itself, one of its causes or one of their suppressed exceptions matches. */
    public static boolean anyMatch(Throwable failure, Predicate<Throwable> test) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> next = new ArrayDeque<>();
        if (failure != null) {
            next.add(failure);
        }
        while (!next.isEmpty() && seen.size() < LIMIT) {
            Throwable current = next.poll();
            if (!seen.add(current)) {
                continue;
            }
            if (test.test(current)) {
                return true;
            }
            if (current.getCause() != null) {
                next.add(current.getCause());
            }
            for (Throwable suppressed : current.getSuppressed()) {
                next.add(suppressed);
            }
        }
        return false;
    }
}
