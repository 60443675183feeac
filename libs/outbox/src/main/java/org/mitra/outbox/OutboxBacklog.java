package org.mitra.outbox;

import java.time.Duration;
import java.time.Instant;

/**
 * What the relay has yet to publish: a growing count or age means Kafka is unreachable or the
 * relay is stuck on a row.
 *
 * @param oldestCreatedAt when the oldest unpublished row was written; null when there is none
 */
public record OutboxBacklog(long count, Instant oldestCreatedAt) {
    public Duration oldestAge() {
        return oldestCreatedAt == null ? Duration.ZERO : Duration.between(oldestCreatedAt, Instant.now());
    }
}
