package org.mitra.referral.feed;

import io.smallrye.config.ConfigMapping;
import org.mitra.web.feeds.DisclosureConfig;

/**
 * Disclosure control of the referral statistics feed (docs/privacy.md §3): {@code mitra.referral.feeds.suppression-threshold}
 * (counts of referrals, that is of people, below it are withheld, and so are medians over fewer; never below 5) and
 * {@code mitra.referral.feeds.rounding-base}.
 */
@ConfigMapping(prefix = "mitra.referral.feeds")
public interface FeedConfig extends DisclosureConfig {
}
