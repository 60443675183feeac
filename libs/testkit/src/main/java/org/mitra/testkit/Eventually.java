package org.mitra.testkit;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for what another part of the platform does asynchronously (an event applied, a read model following the
 * directory): tries every 200 ms until the answer is the one expected, and fails the test with the last answer seen
 * when the time is up, or when the wait is interrupted (never a silent return).
 */
public final class Eventually {
    public static final Duration DEFAULT = Duration.ofSeconds(20);
    private static final long PAUSE_MILLIS = 200;

    private Eventually() {
    }

    /** The first answer that is {@code expected}, within {@link #DEFAULT}. */
    public static <T> T until(String what, Supplier<T> attempt, Predicate<T> expected) {
        return until(what, DEFAULT, attempt, expected);
    }

    /** The first answer that is {@code expected}, within {@code timeout}; {@code what} names it when it never comes. */
    public static <T> T until(String what, Duration timeout, Supplier<T> attempt, Predicate<T> expected) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last;
        while (true) {
            last = attempt.get();
            if (expected.test(last)) {
                return last;
            }
            if (System.nanoTime() >= deadline) {
                throw new AssertionError(what + " did not happen within " + timeout + "; last seen " + describe(last));
            }
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting until " + what, e);
            }
        }
    }

    private static String describe(Object value) {
        if (value instanceof long[] numbers) {
            return Arrays.toString(numbers);
        }
        if (value instanceof Object[] objects) {
            return Arrays.toString(objects);
        }
        return String.valueOf(value);
    }
}
