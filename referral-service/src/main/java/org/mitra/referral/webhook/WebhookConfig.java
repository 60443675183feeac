package org.mitra.referral.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Webhook delivery settings ({@code mitra.referral.webhooks.*}). */
@ConfigMapping(prefix = "mitra.referral.webhooks")
public interface WebhookConfig {
    /**
     * Whether endpoints on this machine (loopback addresses, plain {@code http} to them) are allowed. For the local
     * run and tests only: off by default, and every other endpoint must be {@code https} to a public address.
     */
    @WithDefault("false")
    boolean allowLoopback();

    /**
     * The waits between tries after the first failed one (the Standard Webhooks schedule, about three days in all).
     * A delivery whose last wait passed without success fails, and its subscription is disabled with the reason.
     */
    @WithDefault("5s,5m,30m,2h,5h,10h,10h,20h,24h")
    List<Duration> retrySchedule();

    /** Longest a try may take, from connecting to the end of the answer. */
    @WithDefault("15s")
    Duration timeout();

    /** Longest {@code Retry-After} (429, 503) honoured. */
    @WithDefault("24h")
    Duration maxRetryAfter();

    /** How long the previous secret still signs deliveries, beside the new one, after a rotation. */
    @WithDefault("24h")
    Duration secretOverlap();

    /**
     * How long a delivered delivery stays in the log (and can be replayed) after it was delivered. Pending and failed
     * ones stay until delivered or their subscription is deleted: nothing owed is ever purged.
     */
    @WithDefault("30d")
    Duration logRetention();

    /** How often the dispatcher looks for deliveries that are due. */
    @WithDefault("1s")
    String dispatchEvery();

    /** Deliveries sent at a time (claimed per round of the dispatcher); one organization gets at most half of them. */
    @WithDefault("8")
    int parallelism();
}
