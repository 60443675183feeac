package org.mitra.web.feeds;

import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import org.mitra.feeds.DisclosurePolicy;

/**
 * Disclosure control of a service's aggregate figures (docs/privacy.md §3), the part every service configures alike:
 * each service's {@code @ConfigMapping} extends it under its own prefix, so {@code <prefix>.suppression-threshold} and
 * {@code <prefix>.rounding-base}. A threshold below {@link DisclosurePolicy#MINIMUM_THRESHOLD} or a rounding base below 1
 * stops the service at startup.
 */
public interface DisclosureConfig {
    /** Counts of people below this are withheld (never below 5). */
    @WithDefault("11")
    @Min(DisclosurePolicy.MINIMUM_THRESHOLD)
    int suppressionThreshold();

    /** Published counts are rounded down to a multiple of this. */
    @WithDefault("5")
    @Min(1)
    int roundingBase();

    default DisclosurePolicy policy() {
        return new DisclosurePolicy(suppressionThreshold(), roundingBase());
    }
}
