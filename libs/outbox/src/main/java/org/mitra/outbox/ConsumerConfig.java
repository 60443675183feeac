package org.mitra.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code mitra.consumer.*}: how {@link EventConsumption} retries an event before it is poison. */
@ConfigMapping(prefix = "mitra.consumer")
public interface ConsumerConfig {
    /** Tries of a failing effect (the database being unreachable does not count) before the dead-letter topic. */
    @WithDefault("3")
    int maxAttempts();

    /** First wait between tries; doubled each time, at most five seconds. */
    @WithDefault("200ms")
    Duration backoff();
}
