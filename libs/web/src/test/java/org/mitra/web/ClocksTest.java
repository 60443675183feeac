package org.mitra.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The clock a service's beans are given ticks in milliseconds, as times are stored and sent in events, in UTC. */
@QuarkusTest
class ClocksTest {
    @Inject
    Clock clock;

    @Test
    void theInjectedClockTicksInMillisecondsInUtc() {
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        for (int i = 0; i < 20; i++) {
            Instant now = clock.instant();
            assertThat(now.getNano() % 1_000_000).isZero();
            assertThat(now).isBetween(Instant.now().minusSeconds(5), Instant.now().plusSeconds(5));
        }
    }
}
