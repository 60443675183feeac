package org.mitra.directory.coverage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "mitra.coverage")
public interface CoverageConfig {
    /** How far back referrals count as demand. */
    @WithDefault("P90D")
    Duration demandWindow();
}
