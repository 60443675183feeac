package org.mitra.referral.matching;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Period;

/**
 * When the directory's entries count as no longer fresh, for matching ({@code mitra.referral.matching.freshness.*}): the
 * same thresholds as the directory's own ({@code mitra.directory.freshness.*}), which a deployment sets alike.
 */
@ConfigMapping(prefix = "mitra.referral.matching.freshness")
public interface FreshnessConfig {
    /** Capacity reported longer ago than this is due for an update. */
    @WithDefault("P7D")
    Period capacityDue();

    /** Details neither edited nor confirmed for longer than this are overdue. */
    @WithDefault("P6M")
    Period detailsOverdue();

    /** ... and for longer than this, stale. */
    @WithDefault("P12M")
    Period detailsStale();
}
