package org.mitra.web.feeds;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitra.feeds.Period;

/** A period of a feed, where to pull it as JSON and as CSV, and when its figures last changed. */
@Schema(name = "FeedPeriod")
public record FeedPeriodLink(
        @Schema(examples = "2026-Q4") String period,
        @Schema(examples = "/api/referrals/feeds/statistics/2026-Q4") String json,
        @Schema(examples = "/api/referrals/feeds/statistics/2026-Q4.csv") String csv,
        @Schema(examples = "2026-11-24T10:00:00Z") Instant lastModified) {

    /** The links of a period under a feed's base path. */
    public static FeedPeriodLink of(String base, Period period, Instant lastModified) {
        return new FeedPeriodLink(period.toString(), base + "/" + period, base + "/" + period + ".csv", lastModified);
    }
}
