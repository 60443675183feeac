package org.mitra.web.feeds;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mitra.feeds.FeedTable;
import org.mitra.feeds.Period;
import org.mitra.feeds.Period.Granularity;

/** A feed published period by period, as {@link FeedEndpoints} serves it; each service's feed bean is one. */
public interface PeriodicFeed {
    /** The closed periods the feed lists, oldest first; with {@code since}, those whose figures changed after it. */
    List<FeedPeriods.Entry> periods(Granularity granularity, Instant since);

    /** One closed period's table as published, or empty for the open period or one in the future. */
    Optional<FeedTable> table(Period period);
}
