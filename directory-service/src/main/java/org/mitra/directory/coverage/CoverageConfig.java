package org.mitra.directory.coverage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.mitra.feeds.DisclosurePolicy;

@ConfigMapping(prefix = "mitra.coverage")
public interface CoverageConfig {
    /** How far back referrals count as demand. */
    @WithDefault("P90D")
    Duration demandWindow();

    /** Demand counts below this are withheld from everyone but coalition admins (never below 5). */
    @WithDefault("11")
    @Min(DisclosurePolicy.MINIMUM_THRESHOLD)
    int suppressionThreshold();

    /**
     * How often the public demand figures (the last complete month) are taken again; never more often than
     * once a day, so that late events of the closed month show a day later at the soonest.
     */
    @WithDefault("P1D")
    Duration publicRefresh();

    /** Published demand counts are rounded down to a multiple of this. */
    @WithDefault("5")
    @Min(1)
    int roundingBase();
}
