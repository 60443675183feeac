package org.mitra.web.testapp;

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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mitra.feeds.FeedColumn;
import org.mitra.feeds.FeedTable;
import org.mitra.feeds.Period;
import org.mitra.feeds.Period.Granularity;
import org.mitra.web.feeds.FeedPeriodLink;
import org.mitra.web.feeds.FeedPullAudit;
import org.mitra.web.feeds.FeedResponses;

/** A feed published per month only, whose figures the test can change, served the way every Mitra feed is. */
@Path("/test/feeds/visits")
public class FeedTestResource {
    public static volatile long visits = 15;
    static final List<Granularity> OFFERED = List.of(Granularity.MONTH);
    static final Instant CHANGED = Instant.parse("2026-11-20T08:00:00Z");

    @Inject
    FeedPullAudit audit;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<FeedPeriodLink> periods(@QueryParam("granularity") String granularity, @QueryParam("since") String since) {
        FeedResponses.granularity(granularity, OFFERED);
        Instant after = FeedResponses.since(since);
        audit.record("visits", null, "list", false);
        return after != null && !CHANGED.isAfter(after) ? List.of()
                : List.of(FeedPeriodLink.of("/test/feeds/visits", Period.parse("2026-11").orElseThrow(), CHANGED));
    }

    @GET
    @Path("/{period}")
    @Produces({MediaType.APPLICATION_JSON, FeedResponses.CSV})
    public Response period(@PathParam("period") String period, @Context Request request, @HeaderParam("Accept") String accept) {
        Period wanted = FeedResponses.period(period, OFFERED);
        FeedTable table = new FeedTable("Visits", wanted.toString(), Instant.now(), CHANGED, 11, 5, FeedTable.LICENCE,
                List.of(new FeedColumn("country", "#country+code", "Country"), new FeedColumn("visits", "#reached", "Visits")),
                List.of(Arrays.asList("ID", visits), Arrays.asList("AU", null)));
        return FeedResponses.respond(table, request, FeedResponses.wantsCsv(accept), Map.of("source", "test"),
                audit.of("visits"));
    }
}
