package org.mitra.referral.feed;

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

/** The referral service's data feed for government liaisons: aggregates only, pulled quarter (or month) by quarter. */
@Path("/api/referrals/feeds")
@Transactional
@Tag(name = "feeds", description = "Privacy-safe aggregate feeds for government liaisons (JSON, or CSV with HXL hashtags)")
public class FeedResource {
    static final FeedEndpoints.Endpoint STATISTICS = new FeedEndpoints.Endpoint(StatisticsFeed.ID,
            "/api/referrals/feeds/statistics", "Referral statistics feed period",
            List.of(Period.Granularity.QUARTER, Period.Granularity.MONTH), StatisticsTables.publishedTables());

    @Inject
    StatisticsFeed statistics;

    @Inject
    FeedEndpoints endpoints;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listReferralFeeds",
            summary = "The feeds this service offers, for the platform's feed catalog (public)")
    public List<FeedDescription> catalog() {
        return List.of(STATISTICS.describe(StatisticsFeed.TITLE,
                "Referrals counted in the period they were submitted, with their outcome as it is now (drafts and "
                        + "entered-in-error excluded), over fixed tables of at most three attributes: "
                        + StatisticsTables.describe() + " Counts below the disclosure threshold are withheld (with "
                        + "complementary suppression), the rest rounded down; medians need at least the threshold's "
                        + "number of referrals behind them.",
                List.of(Roles.GOV_LIAISON, Roles.COALITION_ADMIN)));
    }

    @GET
    @Path("/statistics")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.GOV_LIAISON, Roles.COALITION_ADMIN})
    @APIResponse(responseCode = "200", description = "The closed periods of the feed, oldest first; the open one is published once it has ended")
    @APIResponse(responseCode = "400", description = "A granularity other than quarter or month, or a since that is not an instant")
    @Operation(operationId = "listReferralStatisticsFeedPeriods",
            summary = "The periods of the referral statistics feed; with since, only those whose figures changed after it")
    public List<FeedPeriodLink> periods(
            @Parameter(description = "quarter (the default) or month (the finest published)", example = "quarter")
            @QueryParam("granularity") String granularity,
            @Parameter(description = "ISO-8601 instant of the last pull", example = "2026-11-01T00:00:00Z") @QueryParam("since") String since) {
        return endpoints.periods(STATISTICS, statistics, granularity, since);
    }

    @GET
    @Path("/statistics/{period}")
    @Produces({MediaType.APPLICATION_JSON, FeedResponses.CSV})
    @RolesAllowed({Roles.GOV_LIAISON, Roles.COALITION_ADMIN})
    @APIResponse(responseCode = "200", description = "The period's tables, with ETag and Last-Modified")
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match")
    @APIResponse(responseCode = "400", description = "Not a quarter such as 2026-Q4 or a month such as 2026-11")
    @APIResponse(responseCode = "404", description = "A period that has not ended yet (the open one or a future one)")
    @Operation(operationId = "getReferralStatisticsFeedPeriod",
            summary = "One period of the referral statistics feed as JSON, or as CSV with an HXL row (Accept: text/csv); "
            + "answers If-None-Match with 304")
    public Response period(@Parameter(description = "A quarter or a month", example = "2026-Q4") @PathParam("period") String period,
            @Context Request request, @HeaderParam("Accept") String accept) {
        return endpoints.period(STATISTICS, statistics, period, request, FeedResponses.wantsCsv(accept));
    }

    @GET
    @Path("/statistics/{period}.csv")
    @Produces(FeedResponses.CSV)
    @RolesAllowed({Roles.GOV_LIAISON, Roles.COALITION_ADMIN})
    @APIResponse(responseCode = "200", description = "The period's tables as CSV: names, then HXL hashtags, then the rows")
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match")
    @Operation(operationId = "getReferralStatisticsFeedPeriodCsv",
            summary = "One period of the referral statistics feed as CSV with an HXL row")
    public Response periodCsv(@Parameter(description = "A quarter or a month", example = "2026-Q4") @PathParam("period") String period,
            @Context Request request) {
        return endpoints.period(STATISTICS, statistics, period, request, true);
    }
}
