package org.mitra.awareness.feed;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mitra.feeds.FeedDescription;
import org.mitra.feeds.Period;
import org.mitra.web.Roles;
import org.mitra.web.feeds.FeedEndpoints;
import org.mitra.web.feeds.FeedPeriodLink;
import org.mitra.web.feeds.FeedResponses;

/** The awareness service's data feeds for government liaisons: aggregates only, pulled month by month. */
@Path("/api/awareness/feeds")
@Tag(name = "feeds", description = "Privacy-safe aggregate feeds for government liaisons (JSON, or CSV with HXL hashtags)")
@Transactional
public class FeedResource {
    /** Months only: quarters would let months be differenced. */
    static final FeedEndpoints.Endpoint REACH = new FeedEndpoints.Endpoint(ReachFeed.ID, "/api/awareness/feeds/reach",
            "Reach feed period", List.of(Period.Granularity.MONTH), Map.of());

    @Inject
    ReachFeed reach;

    @Inject
    FeedEndpoints endpoints;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listAwarenessFeeds",
            summary = "The feeds this service offers, for the platform's feed catalog (public)")
    public List<FeedDescription> catalog() {
        return List.of(REACH.describe(ReachFeed.TITLE,
                "Per public campaign and month: pledges by type (person or business) and country of the pledger, and per "
                        + "activity the places taken and the attendance the organization counted. Counts below the "
                        + "disclosure threshold are withheld (with complementary suppression), the rest rounded down.",
                List.of(Roles.GOV_LIAISON, Roles.COALITION_ADMIN)));
    }

    @GET
    @Path("/reach")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.GOV_LIAISON, Roles.COALITION_ADMIN})
    @APIResponse(responseCode = "200", description = "The ended months of the feed, oldest first; the open month is published once it has ended")
    @APIResponse(responseCode = "400", description = "A granularity other than month, or a since that is not an instant")
    @Operation(operationId = "listReachFeedPeriods",
            summary = "The months of the campaign reach feed; with since, only those whose figures changed after it")
    public List<FeedPeriodLink> periods(
            @Parameter(description = "month (the default and only granularity: quarters would let months be differenced)",
                    example = "month") @QueryParam("granularity") String granularity,
            @Parameter(description = "ISO-8601 instant of the last pull", example = "2026-11-01T00:00:00Z") @QueryParam("since") String since) {
        return endpoints.periods(REACH, reach, granularity, since);
    }

    @GET
    @Path("/reach/{period}")
    @Produces({MediaType.APPLICATION_JSON, FeedResponses.CSV})
    @RolesAllowed({Roles.GOV_LIAISON, Roles.COALITION_ADMIN})
    @APIResponse(responseCode = "200", description = "The month's table, with ETag and Last-Modified")
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match")
    @APIResponse(responseCode = "400", description = "Not a month such as 2026-11")
    @APIResponse(responseCode = "404", description = "A month that has not ended yet (the open one or a future one)")
    @Operation(operationId = "getReachFeedPeriod",
            summary = "One month of the campaign reach feed as JSON, or as CSV with an HXL row (Accept: text/csv); "
            + "answers If-None-Match with 304")
    public Response period(@Parameter(description = "A month", example = "2026-11") @PathParam("period") String period,
            @Context Request request, @HeaderParam("Accept") String accept) {
        return endpoints.period(REACH, reach, period, request, FeedResponses.wantsCsv(accept));
    }

    @GET
    @Path("/reach/{period}.csv")
    @Produces(FeedResponses.CSV)
    @RolesAllowed({Roles.GOV_LIAISON, Roles.COALITION_ADMIN})
    @APIResponse(responseCode = "200", description = "The month's table as CSV: names, then HXL hashtags, then the rows")
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match")
    @Operation(operationId = "getReachFeedPeriodCsv", summary = "One month of the campaign reach feed as CSV with an HXL row")
    public Response periodCsv(@Parameter(description = "A month", example = "2026-11") @PathParam("period") String period,
            @Context Request request) {
        return endpoints.period(REACH, reach, period, request, true);
    }
}
