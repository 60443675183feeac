package org.mitra.web.feeds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mitra.feeds.FeedDescription;
import org.mitra.feeds.FeedTable;
import org.mitra.feeds.Period;
import org.mitra.feeds.Period.Granularity;
import org.mitra.web.problem.ResourceNotFoundException;

/**
 * What a service's feed endpoints do, the same for every Mitra feed (docs/privacy.md §2): the period list (granularity
 * and {@code since} read, links made) and one period (JSON or CSV, a 404 for a period that has not ended,
 * {@link FeedResponses#respond} with the pull audit). Each service's {@code FeedResource} keeps its own paths, roles,
 * OpenAPI text and catalog entry, and hands the rest here.
 */
@ApplicationScoped
public class FeedEndpoints {
    @Inject
    FeedPullAudit pulls;

    /**
     * How a feed is served.
     *
     * @param id      the feed's id, in the catalog and in the pull audit
     * @param base    the path of its period list; a period is {@code base/period} (and {@code .csv})
     * @param what    what a 404 calls one of its periods, e.g. "Reach feed period"
     * @param offered the granularities it is published in, the default first
     * @param header  entries its JSON documents add after the standard ones (e.g. the published tables), in order
     */
    public record Endpoint(String id, String base, String what, List<Granularity> offered, Map<String, Object> header) {
        public Endpoint {
            offered = List.copyOf(offered);
            header = Collections.unmodifiableMap(header);
        }

        /**
         * The feed as the platform's catalog lists it: JSON and CSV at {@code base}, in the granularities offered,
         * updated daily (the snapshots), under the feeds' licence.
         */
        public FeedDescription describe(String title, String description, List<String> access) {
            return new FeedDescription(id, title, description, base, List.of(MediaType.APPLICATION_JSON, FeedResponses.CSV),
                    offered.stream().map(unit -> unit.name().toLowerCase(Locale.ROOT)).toList(), "P1D", FeedTable.LICENCE,
                    access);
        }
    }

    /** The period list: the granularity asked for (400 if not offered) and {@code since} read; the pull audited. */
    public List<FeedPeriodLink> periods(Endpoint endpoint, PeriodicFeed feed, String granularity, String since) {
        Granularity unit = FeedResponses.granularity(granularity, endpoint.offered());
        Instant after = FeedResponses.since(since);
        List<FeedPeriodLink> links = feed.periods(unit, after).stream()
                .map(entry -> FeedPeriodLink.of(endpoint.base(), entry.period(), entry.lastModified()))
                .toList();
        pulls.record(endpoint.id(), null, "list", false);
        return links;
    }

    /** One period as JSON or CSV (400 if not a period offered, 404 if it has not ended), or 304; the pull audited. */
    public Response period(Endpoint endpoint, PeriodicFeed feed, String period, Request request, boolean csv) {
        Period wanted = FeedResponses.period(period, endpoint.offered());
        FeedTable table = feed.table(wanted).orElseThrow(() -> ResourceNotFoundException.of(endpoint.what(), wanted));
        return FeedResponses.respond(table, request, csv, endpoint.header(), pulls.of(endpoint.id()));
    }
}
