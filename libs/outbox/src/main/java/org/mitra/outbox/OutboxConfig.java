package org.mitra.outbox;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** {@code mitra.outbox.*}; defaults in this library's {@code META-INF/microprofile-config.properties}. */
@ConfigMapping(prefix = "mitra.outbox")
public interface OutboxConfig {
    /** Whether this instance relays rows to Kafka; publishing still writes rows when off. */
    boolean enabled();

    /** How often the relay looks for unpublished rows (it is also nudged after each commit). */
    Duration pollInterval();

    /** Rows read and sent per relay transaction. */
    int batchSize();

    /** How long the relay waits for the broker's acknowledgements of one batch. */
    Duration sendTimeout();

    /** Whether a commit that wrote events wakes the relay at once instead of at the next poll. */
    boolean nudgeAfterCommit();

    /** How long published rows are kept (for inspection) before cleanup deletes them. */
    Duration retention();

    /** How long consumers remember processed event ids; keep it longer than any redelivery window. */
    Duration inboxRetention();

    /** How often cleanup runs. */
    Duration cleanupInterval();

    /** CloudEvent {@code source} of this service's events, e.g. {@code /mitra/referral-service}. */
    String source();
}
