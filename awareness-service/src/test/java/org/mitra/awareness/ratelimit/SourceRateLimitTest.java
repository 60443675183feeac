package org.mitra.awareness.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SourceRateLimitTest {
    Instant now = Instant.parse("2026-11-24T10:00:00Z");

    SourceRateLimit limit(int max, Duration window) {
        SourceRateLimit limit = new SourceRateLimit();
        limit.config = new RateLimitConfig() {
            @Override
            public int maxPerWindow() {
                return max;
            }

            @Override
            public Duration window() {
                return window;
            }
        };
        limit.clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        return limit;
    }

    @Test
    void aSourceGetsItsQuotaPerTargetAndWindowAndIsToldWhenToRetry() {
        SourceRateLimit limit = limit(3, Duration.ofMinutes(10));
        UUID campaign = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            limit.acquire(campaign, "198.51.100.1");
        }
        now = now.plusSeconds(60);
        assertThatThrownBy(() -> limit.acquire(campaign, "198.51.100.1"))
                .isInstanceOfSatisfying(TooManyRequestsException.class,
                        tooMany -> assertThat(tooMany.retryAfterSeconds).isEqualTo(540));
        limit.acquire(campaign, "198.51.100.2");
        limit.acquire(UUID.randomUUID(), "198.51.100.1");

        now = now.plus(Duration.ofMinutes(9));
        limit.acquire(campaign, "198.51.100.1");
    }

    @Test
    void endedWindowsAreForgotten() {
        SourceRateLimit limit = limit(3, Duration.ofMinutes(10));
        limit.acquire(UUID.randomUUID(), "198.51.100.1");
        limit.acquire(UUID.randomUUID(), "198.51.100.2");
        now = now.plus(Duration.ofMinutes(5));
        limit.acquire(UUID.randomUUID(), "198.51.100.3");
        now = now.plus(Duration.ofMinutes(6));
        limit.forgetEndedWindows();
        assertThat(limit.size()).isEqualTo(1);
    }
}
