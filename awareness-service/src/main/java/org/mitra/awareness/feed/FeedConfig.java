package org.mitra.awareness.feed;

import io.smallrye.config.ConfigMapping;
import org.mitra.web.feeds.DisclosureConfig;

/**
 * Disclosure control of the government feeds (docs/privacy.md §3): {@code mitra.awareness.feeds.suppression-threshold}
 * (counts of people below it are withheld; never below 5) and {@code mitra.awareness.feeds.rounding-base}.
 */
@ConfigMapping(prefix = "mitra.awareness.feeds")
public interface FeedConfig extends DisclosureConfig {
}
