package org.mitra.directory.coverage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.mitra.web.feeds.DisclosureConfig;

/**
 * The coverage views and the coverage feed; disclosure control ({@code mitra.coverage.suppression-threshold}: demand
 * counts below it are withheld from everyone but coalition admins, never below 5; {@code mitra.coverage.rounding-base}:
 * published demand counts are rounded down to a multiple of it) as {@link DisclosureConfig} has it for every service.
 */
@ConfigMapping(prefix = "mitra.coverage")
public interface CoverageConfig extends DisclosureConfig {
    /** How far back referrals count as demand. */
    @WithDefault("P90D")
    Duration demandWindow();

    /**
     * How often the public demand figures (the last complete month) are taken again; never more often than
     * once a day, so that late events of the closed month show a day later at the soonest.
     */
    @WithDefault("P1D")
    Duration publicRefresh();
}
