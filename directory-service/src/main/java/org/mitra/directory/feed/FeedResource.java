package org.mitra.directory.feed;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mitra.feeds.FeedDescription;
import org.mitra.feeds.Period;
import org.mitra.web.Roles;
import org.mitra.web.feeds.FeedEndpoints;
import org.mitra.web.feeds.FeedPeriodLink;
import org.mitra.web.feeds.FeedResponses;

/** The directory's data feeds for government liaisons: aggregates only, pulled period by period. */
@Path("/api/directory/feeds")
@Tag(name = "feeds", description = "Privacy-safe aggregate feeds for government liaisons (JSON, or CSV with HXL hashtags)")
@Transactional
public class FeedResource {
    static final FeedEndpoints.Endpoint COVERAGE = new FeedEndpoints.Endpoint(CoverageFeed.ID, "/api/directory/feeds/coverage",
            "Coverage feed period", List.of(Period.Granularity.QUARTER, Period.Granularity.MONTH), Map.of());

    @Inject
    CoverageFeed coverage;

    @Inject
    FeedEndpoints endpoints;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listDirectoryFeeds",
            summary = "The feeds this service offers, for the platform's feed catalog (public)")
    public List<FeedDescription> catalog() {
        return List.of(COVERAGE.describe(CoverageFeed.TITLE,
                "For every region, slice and category: verified providers, capacity, referrals requested, rejected for lack "
                        + "of capacity and overdue (counts below the disclosure threshold withheld, and a zero withheld "
                        + "alike, the rest rounded down), and the verdict GAP, STRAINED, OVERLAP or COVERED computed from "
                        + "the published figures. Closed periods only: the current quarter or month is served once it has "
                        + "ended, and each period's table is a snapshot refreshed at most once a day, so a late event of "
                        + "an ended period shows at the next day's snapshot.",
                List.of(Roles.GOV_LIAISON, Roles.COALITION_ADMIN)));
    }

    @GET
    @Path("/coverage")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.GOV_LIAISON, Roles.COALITION_ADMIN})
    @Operation(operationId = "listCoverageFeedPeriods",
            summary = "The closed periods of the coverage feed, oldest first; with since, only those changed after it",
            description = "The current period is never listed: a period is served once it has ended, so no pull shows "
                    + "a referral of the period still running. Each period is dated by when its published table last "
                    + "changed; that table is a snapshot refreshed at most once a day, so a late event of an ended period "
                    + "moves the date (and since) only at the next day's snapshot. Listed: the periods that ever "
                    + "published a figure, and the last ended one.")
    public List<FeedPeriodLink> periods(
            @Parameter(description = "quarter (default) or month") @QueryParam("granularity") String granularity,
            @Parameter(description = "ISO-8601 instant of the last pull", example = "2026-11-01T00:00:00Z") @QueryParam("since") String since) {
        return endpoints.periods(COVERAGE, coverage, granularity, since);
    }

    @GET
    @Path("/coverage/{period}")
    @Produces({MediaType.APPLICATION_JSON, FeedResponses.CSV})
    @RolesAllowed({Roles.GOV_LIAISON, Roles.COALITION_ADMIN})
    @Operation(operationId = "getCoverageFeedPeriod",
            summary = "One period of the coverage feed as JSON, or as CSV with an HXL row (Accept: text/csv); answers If-None-Match with 304",
            description = "Closed periods only: the current period, and any in the future, is 404. The table is the "
                    + "period's snapshot of the day (refreshed at most once a day; ETag and Last-Modified move only when "
                    + "what it publishes changes). Demand counts below the disclosure threshold, and zeros alike, are "
                    + "withheld (null, an empty CSV cell).")
    public Response period(@PathParam("period") String period, @Context Request request,
            @jakarta.ws.rs.HeaderParam("Accept") String accept) {
        return endpoints.period(COVERAGE, coverage, period, request, FeedResponses.wantsCsv(accept));
    }

    @GET
    @Path("/coverage/{period}.csv")
    @Produces(FeedResponses.CSV)
    @RolesAllowed({Roles.GOV_LIAISON, Roles.COALITION_ADMIN})
    @Operation(operationId = "getCoverageFeedPeriodCsv", summary = "One period of the coverage feed as CSV with an HXL row")
    public Response periodCsv(@PathParam("period") String period, @Context Request request) {
        return endpoints.period(COVERAGE, coverage, period, request, true);
    }
}
