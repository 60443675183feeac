package org.mitra.web.feeds;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mitra.feeds.FeedColumn;
import org.mitra.feeds.FeedDescription;
import org.mitra.feeds.FeedTable;
import org.mitra.feeds.Period;
import org.mitra.feeds.Period.Granularity;

/** A feed of quarters and months served through {@link FeedEndpoints}, as each service's FeedResource serves its own. */
@Path("/test/feeds/endpoints")
public class EndpointsTestResource {
    static final Instant CHANGED = Instant.parse("2026-09-20T08:00:00Z");
    /** Periods ending after this have not ended for the test feed. */
    static final Instant NOW = Instant.parse("2026-11-05T00:00:00Z");
    static final FeedEndpoints.Endpoint VISITS = new FeedEndpoints.Endpoint("endpoints", "/test/feeds/endpoints/visits",
            "Visits feed period", List.of(Granularity.QUARTER, Granularity.MONTH), Map.of("source", "test"));

    /** One closed period per granularity, changed at {@link #CHANGED}. */
    static final PeriodicFeed FEED = new PeriodicFeed() {
        @Override
        public List<FeedPeriods.Entry> periods(Granularity granularity, Instant since) {
            Period period = Period.parse(granularity == Granularity.QUARTER ? "2026-Q3" : "2026-09").orElseThrow();
            return since != null && !CHANGED.isAfter(since) ? List.of() : List.of(new FeedPeriods.Entry(period, CHANGED));
        }

        @Override
        public Optional<FeedTable> table(Period period) {
            return FeedPeriods.ended(period, NOW) ? Optional.of(new FeedTable("Visits", period.toString(), NOW, CHANGED, 11, 5,
                    FeedTable.LICENCE, List.of(new FeedColumn("visits", "#reached", "Visits")), List.of(List.of(15L))))
                    : Optional.empty();
        }
    };

    @Inject
    FeedEndpoints endpoints;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<FeedDescription> catalog() {
        return List.of(VISITS.describe("Visits", "Visits per period", List.of("gov-liaison")));
    }

    @GET
    @Path("/visits")
    @Produces(MediaType.APPLICATION_JSON)
    public List<FeedPeriodLink> periods(@QueryParam("granularity") String granularity, @QueryParam("since") String since) {
        return endpoints.periods(VISITS, FEED, granularity, since);
    }

    @GET
    @Path("/visits/{period}")
    @Produces({MediaType.APPLICATION_JSON, FeedResponses.CSV})
    public Response period(@PathParam("period") String period, @Context Request request, @HeaderParam("Accept") String accept) {
        return endpoints.period(VISITS, FEED, period, request, FeedResponses.wantsCsv(accept));
    }

    @GET
    @Path("/visits/{period}.csv")
    @Produces(FeedResponses.CSV)
    public Response periodCsv(@PathParam("period") String period, @Context Request request) {
        return endpoints.period(VISITS, FEED, period, request, true);
    }
}
