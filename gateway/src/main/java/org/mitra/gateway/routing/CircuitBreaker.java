package org.mitra.gateway.routing;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A small per-backend breaker: {@code failureThreshold} consecutive failures open it; while open every call is
 * refused at once; after {@code openDuration} one trial call goes through (half open) and its outcome closes or
 * reopens it. Failures are what the gateway sees itself: unreachable or timed out, not a service's 4xx/5xx.
 */
public final class CircuitBreaker {
    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final long openNanos;
    private final LongSupplier clock;
    private State state = State.CLOSED;
    private int failures;
    private long openedAt;
    private boolean trialInFlight;

    public CircuitBreaker(int failureThreshold, Duration openDuration) {
        this(failureThreshold, openDuration, System::nanoTime);
    }

    CircuitBreaker(int failureThreshold, Duration openDuration, LongSupplier nanoClock) {
        this.failureThreshold = Math.max(1, failureThreshold);
        this.openNanos = openDuration.toNanos();
        this.clock = nanoClock;
    }

    /** Whether a call may go out now; in half-open state only one trial at a time. */
    public synchronized boolean tryAcquire() {
        if (state == State.OPEN && clock.getAsLong() - openedAt >= openNanos) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (trialInFlight) {
                    yield false;
                }
                trialInFlight = true;
                yield true;
            }
        };
    }

    public synchronized void onSuccess() {
        state = State.CLOSED;
        failures = 0;
        trialInFlight = false;
    }

    public synchronized void onFailure() {
        failures++;
        trialInFlight = false;
        if (state == State.HALF_OPEN || failures >= failureThreshold) {
            state = State.OPEN;
            openedAt = clock.getAsLong();
        }
    }

    /** A call given up by the client: neither a success nor a failure, but a half-open trial may be tried again. */
    public synchronized void onAbandoned() {
        trialInFlight = false;
    }

    public synchronized State state() {
        if (state == State.OPEN && clock.getAsLong() - openedAt >= openNanos) {
            return State.HALF_OPEN;
        }
        return state;
    }

    /** Seconds until an open breaker lets a trial through, for {@code Retry-After}. */
    public synchronized long secondsUntilTrial() {
        long left = openNanos - (clock.getAsLong() - openedAt);
        return Math.max(1, (long) Math.ceil(left / 1_000_000_000d));
    }
}
