package org.mitra.gateway.ratelimit;

import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** Token buckets in this JVM's memory; idle buckets (full again anyway) are dropped now and then. */
@ApplicationScoped
public class InMemoryBucketStore implements BucketStore {
    private static final int SWEEP_EVERY = 10_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();
    private final LongSupplier clock;

    public InMemoryBucketStore() {
        this(System::nanoTime);
    }

    InMemoryBucketStore(LongSupplier nanoClock) {
        this.clock = nanoClock;
    }

    @Override
    public Future<RateLimitDecision> take(String key, RateLimitPolicy policy) {
        long now = clock.getAsLong();
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            buckets.values().removeIf(bucket -> bucket.isFullAt(now));
        }
        Bucket bucket = buckets.computeIfAbsent(policy.name() + '|' + key, ignored -> new Bucket(policy, now));
        return Future.succeededFuture(bucket.take(now));
    }

    int size() {
        return buckets.size();
    }

    private static final class Bucket {
        private final RateLimitPolicy policy;
        private final double tokensPerNano;
        private double tokens;
        private long updated;

        Bucket(RateLimitPolicy policy, long now) {
            this.policy = policy;
            this.tokensPerNano = policy.capacity() / (double) policy.period().toNanos();
            this.tokens = policy.capacity();
            this.updated = now;
        }

        synchronized RateLimitDecision take(long now) {
            refill(now);
            boolean allowed = tokens >= 1;
            if (allowed) {
                tokens -= 1;
            }
            long toNext = allowed || tokens >= 1 ? 0 : seconds((1 - tokens) / tokensPerNano);
            long toFull = seconds((policy.capacity() - tokens) / tokensPerNano);
            return new RateLimitDecision(policy, allowed, (int) Math.floor(tokens), allowed ? 0 : Math.max(1, toNext), toFull);
        }

        synchronized boolean isFullAt(long now) {
            refill(now);
            return tokens >= policy.capacity();
        }

        private void refill(long now) {
            tokens = Math.min(policy.capacity(), tokens + (now - updated) * tokensPerNano);
            updated = now;
        }

        private static long seconds(double nanos) {
            return (long) Math.ceil(nanos / 1_000_000_000d);
        }
    }
}
