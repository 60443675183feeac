package org.mitra.gateway.ratelimit;

import io.vertx.core.Future;

/**
 * Where token buckets live. The gateway keeps them in memory ({@link InMemoryBucketStore}); several gateway
 * instances share limits by implementing this against a shared store (see gateway/README.md). A call must take
 * the token atomically: two instances never both spend the last one.
 */
public interface BucketStore {
    Future<RateLimitDecision> take(String key, RateLimitPolicy policy);
}
