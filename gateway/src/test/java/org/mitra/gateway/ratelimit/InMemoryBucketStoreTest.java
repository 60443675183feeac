package org.mitra.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InMemoryBucketStoreTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final InMemoryBucketStore store = new InMemoryBucketStore(now::get);
    private final RateLimitPolicy policy = new RateLimitPolicy("pledges", 3, Duration.ofSeconds(30));

    private RateLimitDecision take(String key) {
        return store.take(key, policy).result();
    }

    @Test
    void allowsTheBurstThenRefusesWithTheWaitForTheNextToken() {
        assertThat(take("a").remaining()).isEqualTo(2);
        assertThat(take("a").remaining()).isEqualTo(1);
        RateLimitDecision last = take("a");
        assertThat(last.allowed()).isTrue();
        assertThat(last.remaining()).isZero();
        assertThat(last.secondsToFull()).isEqualTo(30);
        RateLimitDecision refused = take("a");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.secondsToNextToken()).isEqualTo(10);
        assertThat(refused.header()).isEqualTo("\"pledges\";r=0;t=30");
        assertThat(policy.header()).isEqualTo("\"pledges\";q=3;w=30");
    }

    @Test
    void refillsEvenlyOverThePeriod() {
        for (int i = 0; i < 3; i++) {
            take("b");
        }
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(take("b").allowed()).isTrue();
        assertThat(take("b").allowed()).isFalse();
        now.addAndGet(Duration.ofMinutes(5).toNanos());
        assertThat(take("b").remaining()).isEqualTo(2);
    }

    @Test
    void eachKeyHasItsOwnBucket() {
        for (int i = 0; i < 3; i++) {
            take("c");
        }
        assertThat(take("c").allowed()).isFalse();
        assertThat(take("d").allowed()).isTrue();
    }
}
