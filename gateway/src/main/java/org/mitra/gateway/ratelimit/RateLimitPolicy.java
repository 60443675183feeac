package org.mitra.gateway.ratelimit;

import java.time.Duration;

/** A token bucket: at most {@code capacity} requests in a burst, refilled evenly over {@code period}. */
public record RateLimitPolicy(String name, int capacity, Duration period) {
    public RateLimitPolicy {
        if (capacity < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("Rate limit policy " + name + " needs a capacity ≥ 1 and a positive period");
        }
    }

    /** {@code RateLimit-Policy} member (draft-ietf-httpapi-ratelimit-headers-09): quota and window in seconds. */
    public String header() {
        return "\"" + name + "\";q=" + capacity + ";w=" + Math.max(1, period.toSeconds());
    }
}
