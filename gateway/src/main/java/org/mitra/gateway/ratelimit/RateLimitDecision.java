package org.mitra.gateway.ratelimit;

/**
 * The outcome of taking one token: whether the request may go on, what is left, how long until the next token
 * ({@code Retry-After} when refused) and until the bucket is full again ({@code t} of the {@code RateLimit} field).
 */
public record RateLimitDecision(RateLimitPolicy policy, boolean allowed, int remaining, long secondsToNextToken,
        long secondsToFull) {

    /** {@code RateLimit} member (draft-ietf-httpapi-ratelimit-headers-09): remaining quota and reset seconds. */
    public String header() {
        return "\"" + policy.name() + "\";r=" + remaining + ";t=" + secondsToFull;
    }
}
