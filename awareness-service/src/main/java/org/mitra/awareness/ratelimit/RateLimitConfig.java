package org.mitra.awareness.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The per-source limit on public, account-less writes (pledges, registrations). */
@ConfigMapping(prefix = "mitra.awareness.rate-limit")
public interface RateLimitConfig {
    /** Requests one client may make to one campaign's pledges, or one activity's registrations, per window. */
    @WithDefault("20")
    int maxPerWindow();

    @WithDefault("PT10M")
    Duration window();
}
