package org.mitra.directory.freshness;

import io.smallrye.config.ConfigMapping;
import java.time.Period;

/**
 * How old a service's figures may grow before the directory calls them due, overdue or stale: ISO-8601 periods
 * ({@code P7D}, {@code P6M}, {@code P1Y}), counted in UTC calendar days and months.
 */
@ConfigMapping(prefix = "mitra.directory.freshness")
public interface FreshnessConfig {
    /** A capacity reported longer ago than this is due for a new report (default P7D). */
    Period capacityDue();

    /** Details neither edited nor confirmed for longer than this are overdue (default P6M). */
    Period detailsOverdue();

    /** Details neither edited nor confirmed for longer than this are stale (default P12M); longer than detailsOverdue. */
    Period detailsStale();
}
