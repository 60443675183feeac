package org.mitra.referral.feed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import org.mitra.feeds.DisclosurePolicy;

/** Disclosure control of the referral statistics feed (docs/privacy.md §3). */
@ConfigMapping(prefix = "mitra.referral.feeds")
public interface FeedConfig {
    /** Counts of referrals (people) below this are withheld, and so are medians over fewer; never below 5. */
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
