package org.mitra.gateway.routing;

/** The backend could not be reached (refused, connect timeout) or its breaker is open: answer 503 at once. */
final class BackendUnavailableException extends RuntimeException {
    private final long retryAfterSeconds;

    BackendUnavailableException(String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    boolean breakerOpen() {
        return retryAfterSeconds > 0;
    }
}
