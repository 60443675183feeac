package org.mitra.awareness.ratelimit;

/** Too many public writes from one source to one target: a 429 with Retry-After. */
public class TooManyRequestsException extends RuntimeException {
    final long retryAfterSeconds;

    TooManyRequestsException(long retryAfterSeconds) {
        super("Too many requests from one source", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }
}
